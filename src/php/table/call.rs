//! The audited boundary between the engine and the table handlers.
//!
//! Every entry point of a `Swoole\Table` object (methods, `foreach` steps, the helper function)
//! goes through [`run`], and every handler is a safe function over a [`Call`]. The rule this
//! file makes the types enforce: **no Rust borrow of table or engine state lives across a call
//! into user code.** User code can run in exactly three places, all of which need `&mut Call`:
//!
//! * argument parsing (`parse_*`: the engine's coercions call `__toString`, deprecations call
//!   the error handler);
//! * value conversion (`to_long`, `to_double`, `values::convert_*`: `__toString` again);
//! * raising warnings and exceptions, which handlers cannot do themselves: they *collect* them
//!   in the call ([`Call::warn`], [`Call::fail`]) and [`run`] raises them after the handler has
//!   returned, its return value is built and every borrow is gone.
//!
//! The table state is only reachable through [`Call::open`] / [`Call::state`], which borrow the
//! call mutably: while a handler holds the state, it cannot reach anything that runs user code.
//!
//! What user code may do meanwhile, and why it is harmless:
//! * `unset()` the last variable holding the table: [`run`] holds a reference to the object;
//! * `destroy()` it (from an error handler, a `__toString`, a nested call): the shared table ends
//!   at once, but this process's state is only retired and released when the outermost call on
//!   the object returns (`TableObject::depth`);
//! * call other methods of the same table: they are calls like any other, with their own `Call`;
//! * throw: the exception is pending when the handler's next engine call returns, which the
//!   conversion helpers check.

use super::object::{self, Created, Cursor, State, TableObject};
use crate::cstr;
use crate::php::zend::{self, ztype};
use crate::table::{TableError, Value};
use ext_php_rs::ffi::{HashTable, zend_execute_data, zend_object, zval};
use std::ffi::{CStr, CString, c_char};
use std::marker::PhantomData;

/// Argument specs [`Call::parse`] understands, named after their `zend_parse_parameters` letters.
#[derive(Clone, Copy)]
pub enum Spec {
    /// `s`
    S,
    /// `s|s!`
    StrOptNullableStr,
    /// `sa`
    StrArray,
    /// `saa`
    StrArrayArray,
    /// `ss|z`
    StrStrOptAny,
}

/// The handler is done early: an exception is pending or queued (the return value is then
/// ignored), or the result is already in the return slot.
#[derive(Debug)]
pub struct Stop;

pub type Res = Result<(), Stop>;

/// The exception classes handlers throw.
#[derive(Clone, Copy)]
pub enum Throw {
    /// The table's own error class: `Swoole\Error` for a `Swoole\Table`, `Rsipc\Error` for an
    /// `Rsipc\Table`.
    Table,
    /// `Error`
    Error,
    /// `RuntimeException` (the `swoole_table()` helper's)
    Runtime,
}

enum Diag {
    Warning(CString),
    Deprecated(CString),
    Throw(Throw, CString),
}

/// One call into the table layer: the frame's arguments, the return slot, `$this`, and the
/// warnings and exceptions collected so far.
pub struct Call<'c> {
    ex: *mut zend_execute_data,
    rv: *mut zval,
    t: *mut TableObject,
    diags: Vec<Diag>,
    _frame: PhantomData<&'c mut zval>,
}

/// Runs `handler` for the object `obj`, then raises what it collected, then releases anything
/// `destroy()` retired if this was the outermost call on the object.
///
/// # Safety
/// `obj` is a live `Swoole\Table` object; `ex` is the frame of the running internal call (its
/// arguments are read) or null for a `foreach` step; `rv` is a writable zval that outlives the
/// call.
pub unsafe fn run<F>(obj: *mut zend_object, ex: *mut zend_execute_data, rv: *mut zval, step: Option<&'static CStr>, handler: F)
where
    F: FnOnce(&mut Call<'_>) -> Res,
{
    unsafe {
        // SAFETY: the object is live (caller); holding a reference keeps it so through user code.
        // (ManuallyDrop: ext-php-rs gives zval a Drop of its own; the release below is the one)
        let mut hold = std::mem::ManuallyDrop::new(std::mem::zeroed::<zval>());
        zend::set_obj_copy(&mut *hold, obj);
        let t = object::from_obj(obj);
        (*t).depth += 1;
        let diags = {
            let mut call = Call { ex, rv, t, diags: Vec::new(), _frame: PhantomData };
            let _ = handler(&mut call);
            std::mem::take(&mut call.diags)
        };
        // No borrow of the state exists past this point: the call is gone.
        if !diags.is_empty() {
            raise(diags, step, (*obj).ce);
        }
        (*t).depth -= 1;
        if (*t).depth == 0 && !(*t).retired.is_empty() {
            // SAFETY: no call on this object is running any more, so nothing refers to them.
            drop(std::mem::take(&mut (*t).retired));
        }
        // May free the object (the last reference was dropped by user code meanwhile).
        zend::zval_ptr_dtor(&mut *hold);
    }
}

/// Raises collected warnings in order, then the exception, through the engine.
#[cold]
#[inline(never)]
unsafe fn raise(diags: Vec<Diag>, step: Option<&'static CStr>, ce: *mut ext_php_rs::ffi::zend_class_entry) {
    unsafe {
        for d in diags {
            match d {
                Diag::Warning(m) => match step {
                    // In a foreach step the active function is the user's: name the method.
                    Some(method) => {
                        let class = super::class_label(ce);
                        zend::zend_error(zend::E_WARNING, cstr!("%s::%s(): %s"), class.as_ptr(), method.as_ptr(), m.as_ptr())
                    }
                    None => zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("%s"), m.as_ptr()),
                },
                Diag::Deprecated(m) => zend::php_error_docref(std::ptr::null(), zend::E_DEPRECATED, cstr!("%s"), m.as_ptr()),
                Diag::Throw(Throw::Table, m) => {
                    zend::zend_throw_exception(super::error_class_for(ce), m.as_ptr(), 0);
                }
                Diag::Throw(Throw::Runtime, m) => {
                    zend::zend_throw_exception(zend::spl_ce_RuntimeException, m.as_ptr(), 0);
                }
                Diag::Throw(Throw::Error, m) => zend::zend_throw_error(std::ptr::null_mut(), cstr!("%s"), m.as_ptr()),
            }
        }
    }
}

/// One argument of the running call (already dereferenced).
#[derive(Clone, Copy)]
pub struct Arg<'c> {
    z: *mut zval,
    _frame: PhantomData<&'c zval>,
}

/// The type of an argument, with its value where it is a scalar the handlers read directly.
pub enum Kind<'c> {
    Null,
    Long(i64),
    Double(f64),
    Str(&'c [u8]),
    Array(ArrayArg<'c>),
    Other,
}

impl<'c> Arg<'c> {
    /// SAFETY (of the reads below): the zval is an argument slot of the running frame, which
    /// outlives 'c; arguments are passed by value, so user code cannot reach or change them,
    /// and the only in-place change (zpp's conversion to string) happens in `parse_*`, which
    /// only converts arguments that were not strings.
    pub fn kind(self) -> Kind<'c> {
        unsafe {
            match ztype(self.z) {
                zend::IS_NULL => Kind::Null,
                zend::IS_LONG => Kind::Long(zend::lval(self.z)),
                zend::IS_DOUBLE => Kind::Double((*self.z).value.dval),
                zend::IS_STRING => Kind::Str(zend::zstr_bytes((*self.z).value.str_)),
                zend::IS_ARRAY => Kind::Array(ArrayArg { ht: (*self.z).value.arr, _frame: PhantomData }),
                _ => Kind::Other,
            }
        }
    }

    /// The string value (after a successful `parse_*` for a string parameter).
    pub fn str(self) -> &'c [u8] {
        match self.kind() {
            Kind::Str(s) => s,
            _ => b"",
        }
    }

    pub fn array(self) -> Option<ArrayArg<'c>> {
        match self.kind() {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// An array argument. Its elements are only read through the conversions in `values.rs`, which
/// take owned references to whatever they keep (elements may be references that user code
/// changes during a later conversion).
#[derive(Clone, Copy)]
pub struct ArrayArg<'c> {
    pub(super) ht: *mut HashTable,
    _frame: PhantomData<&'c HashTable>,
}

impl ArrayArg<'_> {
    pub fn len(self) -> u32 {
        // SAFETY: the array is held by the frame for the whole call.
        unsafe { (*self.ht).nNumOfElements }
    }
}

/// The return slot of the call. Writing it never runs user code.
pub struct Ret<'a> {
    z: *mut zval,
    _slot: PhantomData<&'a mut zval>,
}

impl Ret<'_> {
    pub fn bool(&mut self, b: bool) {
        // SAFETY: rv is writable for the whole call; it holds no counted value here (handlers
        // set it once, after the engine initialised it to null).
        unsafe { zend::set_bool(self.z, b) }
    }

    pub fn long(&mut self, v: i64) {
        // SAFETY: as in `bool`.
        unsafe { zend::set_long(self.z, v) }
    }

    pub fn double(&mut self, v: f64) {
        // SAFETY: as in `bool`.
        unsafe { zend::set_double(self.z, v) }
    }

    pub fn null(&mut self) {
        // SAFETY: as in `bool`.
        unsafe { zend::set_null(self.z) }
    }

    /// Releases whatever the slot holds (the `swoole_table()` helper's half-made object) and
    /// leaves null.
    pub fn clear(&mut self) {
        // SAFETY: the slot holds a value the call owns; releasing a table object runs no user
        // code (the helper's objects are of the internal class, without a destructor).
        unsafe {
            zend::zval_ptr_dtor(self.z);
            zend::set_null(self.z);
        }
    }

    pub fn value(&mut self, v: Value<'_>) {
        // SAFETY: as in `bool`.
        unsafe { super::values::value_to_zval(v, self.z) }
    }

    /// The row in `c.row` as a PHP array.
    pub fn row(&mut self, c: &Created) {
        // SAFETY: as in `bool`; the template belongs to `c`.
        unsafe { super::values::row_array(c, &c.row, self.z) }
    }

    /// Another reference to a value a cursor owns.
    pub fn share(&mut self, v: &object::Owned) {
        // SAFETY: as in `bool`; copy_value adds the reference it hands out.
        unsafe { zend::copy_value(self.z, &v.0) }
    }

    /// An array of `(name, number)` pairs.
    pub fn assoc_longs(&mut self, pairs: &[(&str, i64)]) {
        use ext_php_rs::types::{ZendHashTable, Zval};
        let mut a = ZendHashTable::with_capacity(pairs.len() as u32);
        for (k, v) in pairs {
            let _ = a.insert(*k, *v);
        }
        // SAFETY: as in `bool`; Zval is the same type as zval.
        unsafe { (*(self.z as *mut Zval)).set_hashtable(a) };
    }
}

/// The created table of the call's object, with the return slot beside it. Dropping it collects
/// the "lock taken over" warning, so a handler that took a lock over from a dead process always
/// reports it, right after the core call and before its own warnings.
pub struct Open<'a> {
    pub tab: &'a mut Created,
    pub cursor: &'a mut Cursor,
    pub ret: Ret<'a>,
    diags: &'a mut Vec<Diag>,
}

impl Drop for Open<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(pid) = self.tab.table.take_recovered() {
            force_unlock_warning(self.diags, pid);
        }
    }
}

#[cold]
fn force_unlock_warning(diags: &mut Vec<Diag>, pid: u32) {
    diags.push(Diag::Warning(CString::new(format!("lock process[{}] not exists, force unlock", pid as i32)).unwrap_or_default()));
}

const DESTROYED: &str = "table is not created or has been destroyed";
const NOT_CONSTRUCTED: &str = "must call constructor first";

impl<'c> Call<'c> {
    // ---- arguments -------------------------------------------------------------------------

    pub fn argc(&self) -> u32 {
        if self.ex.is_null() {
            return 0;
        }
        // SAFETY: ex is the running frame.
        unsafe { zend::num_args(self.ex) }
    }

    /// Argument `n` (1-based). Only call it for `n <= argc()`.
    pub fn arg(&self, n: u32) -> Arg<'c> {
        assert!(n >= 1 && n <= self.argc(), "argument {n} of {}", self.argc());
        // SAFETY: n is within the frame's arguments.
        let z = unsafe { zend::deref(zend::arg(self.ex, n as usize)) };
        Arg { z, _frame: PhantomData }
    }

    /// `zend_parse_parameters` for the specs whose outputs are strings, arrays or `z`; the
    /// values are read back from the frame afterwards through [`Call::arg`] (zpp converts string
    /// parameters in place). May run user code.
    pub fn parse(&mut self, spec: Spec) -> Res {
        let n = self.argc();
        let (mut s1, mut l1) = (std::ptr::null_mut::<c_char>(), 0usize);
        let (mut s2, mut l2) = (std::ptr::null_mut::<c_char>(), 0usize);
        let (mut a1, mut a2) = (std::ptr::null_mut::<zval>(), std::ptr::null_mut::<zval>());
        // SAFETY: each spec is given exactly the out-pointers its letters consume.
        let r = unsafe {
            match spec {
                Spec::S => zend::zend_parse_parameters(n, cstr!("s"), &mut s1 as *mut _, &mut l1 as *mut usize),
                Spec::StrOptNullableStr => {
                    zend::zend_parse_parameters(n, cstr!("s|s!"), &mut s1 as *mut _, &mut l1 as *mut usize, &mut s2 as *mut _, &mut l2 as *mut usize)
                }
                Spec::StrArray => zend::zend_parse_parameters(n, cstr!("sa"), &mut s1 as *mut _, &mut l1 as *mut usize, &mut a1 as *mut _),
                Spec::StrArrayArray => {
                    zend::zend_parse_parameters(n, cstr!("saa"), &mut s1 as *mut _, &mut l1 as *mut usize, &mut a1 as *mut _, &mut a2 as *mut _)
                }
                Spec::StrStrOptAny => zend::zend_parse_parameters(
                    n,
                    cstr!("ss|z"),
                    &mut s1 as *mut _,
                    &mut l1 as *mut usize,
                    &mut s2 as *mut _,
                    &mut l2 as *mut usize,
                    &mut a1 as *mut *mut zval,
                ),
            }
        };
        if r != 0 { Err(Stop) } else { Ok(()) }
    }

    /// `zend_parse_parameters` for `(int, [float])`: `l|d`. May run user code.
    pub fn parse_long_double(&mut self, long: &mut i64, double: &mut f64) -> Res {
        // SAFETY: the spec takes exactly these two out-pointers.
        let r = unsafe { zend::zend_parse_parameters(self.argc(), cstr!("l|d"), long as *mut i64, double as *mut f64) };
        if r != 0 { Err(Stop) } else { Ok(()) }
    }

    /// `zend_parse_parameters` for `(string, int, [int])`: `sl|l`. May run user code.
    pub fn parse_string_long_long(&mut self, a: &mut i64, b: &mut i64) -> Res {
        let (mut s, mut l) = (std::ptr::null_mut::<c_char>(), 0usize);
        // SAFETY: the spec takes exactly these out-pointers.
        let r = unsafe { zend::zend_parse_parameters(self.argc(), cstr!("sl|l"), &mut s as *mut _, &mut l as *mut usize, a as *mut i64, b as *mut i64) };
        if r != 0 { Err(Stop) } else { Ok(()) }
    }

    /// `zend_parse_parameters` for `([int])`: `|l`. May run user code.
    pub fn parse_opt_long(&mut self, v: &mut i64) -> Res {
        // SAFETY: the spec takes exactly this out-pointer.
        let r = unsafe { zend::zend_parse_parameters(self.argc(), cstr!("|l"), v as *mut i64) };
        if r != 0 { Err(Stop) } else { Ok(()) }
    }

    /// Whether the caller uses `declare(strict_types=1)`.
    pub fn strict(&self) -> bool {
        zend::caller_is_strict()
    }

    // ---- conversions (may run user code) ---------------------------------------------------

    /// `zval_get_long` of an argument; `Err` if it threw.
    pub fn to_long(&mut self, a: Arg<'_>) -> Result<i64, Stop> {
        // SAFETY: the argument is a live zval of this frame.
        let v = unsafe { zend::zval_get_long_func(a.z, false) };
        if zend::exception_pending() { Err(Stop) } else { Ok(v) }
    }

    /// `zval_get_double` of an argument; `Err` if it threw.
    pub fn to_double(&mut self, a: Arg<'_>) -> Result<f64, Stop> {
        // SAFETY: as in `to_long`.
        let v = unsafe { zend::zval_get_double_func(a.z) };
        if zend::exception_pending() { Err(Stop) } else { Ok(v) }
    }

    // ---- state ------------------------------------------------------------------------------

    /// The object's state, or `Swoole\Error: must call constructor first` (queued).
    pub fn state(&mut self) -> Result<&mut State, Stop> {
        // SAFETY: the object is held by `run`; a non-null state stays allocated for the whole
        // call (destroy() retires it instead of freeing it), and no other borrow of it exists
        // because every way to it goes through `&mut self`.
        match unsafe { (*self.t).state.as_mut() } {
            Some(s) => Ok(s),
            None => Err(self.missing_state()),
        }
    }

    /// Queues the error for an object without state: destroyed during a call that is still
    /// running (user code called `destroy()` inside it), or never constructed (also the state
    /// after `destroy()`, as in Swoole).
    #[cold]
    fn missing_state(&mut self) -> Stop {
        // SAFETY: the object is held by `run`.
        let retired = unsafe { !(*self.t).retired.is_empty() };
        self.fail(Throw::Table, if retired { DESTROYED } else { NOT_CONSTRUCTED })
    }

    /// The state if the constructor ran, without complaining.
    pub fn state_quiet(&mut self) -> Option<&mut State> {
        // SAFETY: as in `state`.
        unsafe { (*self.t).state.as_mut() }
    }

    /// The created table and the return slot; `Swoole\Error` (queued) when the constructor never
    /// ran or the table was not created or was destroyed here.
    // Inlined: built in the caller's registers. Returned through memory, the caller read the
    // struct back in wider loads than it was written with, a store-forwarding stall per call.
    #[inline(always)]
    pub fn open(&mut self) -> Result<Open<'_>, Stop> {
        // SAFETY: as in `state`; the return slot and the diagnostics are disjoint from it.
        let s = unsafe { (*self.t).state.as_mut() };
        let Some(s) = s else { return Err(self.missing_state()) };
        let State { created, cursor, .. } = s;
        match created.as_mut() {
            Some(tab) => Ok(Open { tab, cursor, ret: Ret { z: self.rv, _slot: PhantomData }, diags: &mut self.diags }),
            None => Err(self.fail(Throw::Table, DESTROYED)),
        }
    }

    /// Gives a fresh object its state; false if it already has one.
    pub fn init_state(&mut self, state: State) -> bool {
        // SAFETY: the object is held by `run`; the pointer is only replaced when null.
        unsafe {
            if !(*self.t).state.is_null() {
                return false;
            }
            (*self.t).state = Box::into_raw(Box::new(state))
        }
        true
    }

    /// Ends this process's state after `destroy()`: the object acts as if its constructor never
    /// ran, and the state itself is released when the outermost call on the object returns.
    pub fn retire_state(&mut self) {
        // SAFETY: the object is held by `run`; the state moves into `retired`, which `run`
        // empties only at depth 0.
        unsafe {
            let s = std::mem::replace(&mut (*self.t).state, std::ptr::null_mut());
            if !s.is_null() {
                (*self.t).retired.push(Box::from_raw(s));
            }
        }
    }

    /// Sets `$size` and `$memorySize`.
    pub fn set_size_properties(&mut self, size: i64, mem: i64) {
        // SAFETY: the object is held by `run`; the properties are declared on the class and
        // cannot be unset, so the update writes a declared slot and runs no user code.
        unsafe {
            let obj = &mut (*self.t).std as *mut zend_object;
            zend::zend_update_property_long(object::RSIPC_TABLE_CE, obj, cstr!("size"), 4, size);
            zend::zend_update_property_long(object::RSIPC_TABLE_CE, obj, cstr!("memorySize"), 10, mem);
        }
    }

    /// The class name of the object (a user's subclass included).
    pub fn class_name(&self) -> Vec<u8> {
        // SAFETY: the object is held by `run`; its class entry and name live for the request.
        unsafe { zend::zstr_bytes((*(*self.t).std.ce).name).to_vec() }
    }

    pub fn ret(&mut self) -> Ret<'_> {
        Ret { z: self.rv, _slot: PhantomData }
    }

    // ---- diagnostics -------------------------------------------------------------------------

    /// Queues a warning (text cut at the first NUL, as C's `%s` prints it).
    pub fn warn(&mut self, msg: impl AsRef<[u8]>) {
        self.diags.push(Diag::Warning(zend::c_text(msg.as_ref())));
    }

    /// Raises a warning at once (after those collected so far), for the one warning Swoole raises
    /// in the middle of converting a row's values: a string longer than its column. Like every
    /// function that can run user code it takes the call mutably, so no borrow of table state is
    /// alive; the conversion it interrupts holds only owned values. `Err` if a handler threw.
    pub fn warn_now(&mut self, msg: impl AsRef<[u8]>) -> Res {
        self.warn(msg);
        let diags = std::mem::take(&mut self.diags);
        // SAFETY: the object is held by `run`; raising runs user code, and nothing of the table's
        // state is borrowed here (see above).
        unsafe { raise(diags, None, (*self.t).std.ce) };
        if zend::exception_pending() { Err(Stop) } else { Ok(()) }
    }

    pub fn deprecated(&mut self, msg: impl AsRef<[u8]>) {
        self.diags.push(Diag::Deprecated(zend::c_text(msg.as_ref())));
    }

    /// Queues an exception, thrown after the collected warnings.
    pub fn fail(&mut self, ce: Throw, msg: impl AsRef<[u8]>) -> Stop {
        self.diags.push(Diag::Throw(ce, zend::c_text(msg.as_ref())));
        Stop
    }

    /// A core error as PHP sees it: `Swoole\Error` when the table is gone (queued), otherwise
    /// `false`.
    pub fn table_error(&mut self, e: TableError) -> Res {
        match e {
            TableError::Destroyed => Err(self.fail(Throw::Table, DESTROYED)),
            other => {
                if let Some(msg) = refusal(other) {
                    return Err(self.fail(Throw::Table, msg));
                }
                self.ret().bool(false);
                Ok(())
            }
        }
    }
}

/// Core errors that mean "this process may not use the table" rather than "no such row":
/// thrown, never turned into `false`.
fn refusal(e: TableError) -> Option<String> {
    match e {
        TableError::Destroyed
        | TableError::Full
        | TableError::NoSuchKey
        | TableError::KeyExists
        | TableError::Mismatch
        | TableError::InvalidKey
        | TableError::NoSuchColumn
        | TableError::WrongType => None,
        #[allow(unreachable_patterns)]
        other => Some(other.to_string()),
    }
}

/// The object of a method frame.
///
/// # Safety
/// `ex` is the frame of a running method of a `Swoole\Table` object.
pub unsafe fn this(ex: *mut zend_execute_data) -> *mut zend_object {
    unsafe { (*ex).This.value.obj }
}
