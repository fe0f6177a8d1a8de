dnl config.m4: lets PIE (composer.json: build-path "pecl") and `cd pecl && phpize && ./configure
dnl && make && make install` build rsipc. rsipc is Rust, so there is no C to compile: configure
dnl finds cargo, and the Makefile fragment (Makefile.frag) builds the crate one directory up with
dnl it and puts the library where phpize's own install-modules rule expects a module,
dnl modules/rsipc.so. It lives in pecl/ because ./configure writes a Makefile, which would
dnl replace the project's own in the repository root.

PHP_ARG_ENABLE([rsipc],
  [whether to enable rsipc (System V message queues and Swoole\Table, written in Rust)],
  [AS_HELP_STRING([--enable-rsipc], [Enable rsipc (needs cargo, Rust 1.87 or newer)])],
  [yes])

if test "$PHP_RSIPC" != "no"; then
  dnl sudo and PECL often run with a PATH that lacks rustup's ~/.cargo/bin
  AC_PATH_PROG([CARGO], [cargo], [no], [$PATH:$HOME/.cargo/bin:${SUDO_USER:+/home/$SUDO_USER/.cargo/bin}])
  if test "$CARGO" = "no"; then
    AC_MSG_ERROR([cargo not found. rsipc is written in Rust: install it from https://rustup.rs (Rust 1.87 or newer), then run configure again; under sudo, pass CARGO=/home/<you>/.cargo/bin/cargo])
  fi

  AC_MSG_CHECKING([for a PHP rsipc supports (8.2, non-thread-safe)])
  rsipc_php_version=`$PHP_CONFIG --vernum 2>/dev/null`
  if test -z "$rsipc_php_version" || test "$rsipc_php_version" -lt 80200 || test "$rsipc_php_version" -ge 80300; then
    AC_MSG_ERROR([rsipc supports PHP 8.2 only; $PHP_CONFIG reports version $rsipc_php_version])
  fi
  if $PHP_CONFIG --configure-options 2>/dev/null | grep -q -e '--enable-zts' -e '--enable-maintainer-zts'; then
    AC_MSG_ERROR([rsipc supports non-thread-safe (NTS) PHP builds only; this one is ZTS])
  fi
  rsipc_php_release=`$PHP_CONFIG --version`
  AC_MSG_RESULT([yes, $rsipc_php_release])

  dnl ext-php-rs wants php-config as a path, and the php binary it belongs to
  RSIPC_PHP_CONFIG=`command -v "$PHP_CONFIG"`
  PHP_SUBST(RSIPC_PHP_CONFIG)

  dnl phpize's Makefile builds and installs whatever PHP_MODULES names; ours comes from cargo
  PHP_MODULES="\$(phplibdir)/rsipc.so"
  PHP_SUBST(CARGO)
  PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/Makefile.frag], [$abs_srcdir], [$abs_builddir])
fi
