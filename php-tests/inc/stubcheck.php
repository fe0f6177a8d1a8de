<?php
// Holds the loaded extension to its stub file (stubs/*.stub.php): every function, class,
// method, constant and parameter the stub declares must exist with the same shape, and the
// stub must name everything the extension registers for the given module.
// The stub is loaded under the namespace prefix RsipcStub\ so it cannot clash with the real API.

function stubcheck_type(?ReflectionType $t): string
{
    return $t === null ? '' : str_replace('RsipcStub\\', '', (string)$t);
}

function stubcheck_params(ReflectionFunctionAbstract $f): array
{
    $out = [];
    foreach ($f->getParameters() as $p) {
        $d = '';
        if ($p->isDefaultValueAvailable()) {
            $d = $p->isDefaultValueConstant() ? $p->getDefaultValueConstantName() : var_export($p->getDefaultValue(), true);
        }
        $out[] = sprintf('%s%s$%s%s%s', stubcheck_type($p->getType()) === '' ? '' : stubcheck_type($p->getType()) . ' ',
            $p->isPassedByReference() ? '&' : '', $p->getName(), $p->isOptional() ? ' optional' : '', $d === '' ? '' : " = $d");
    }
    $ret = $f->hasReturnType() ? stubcheck_type($f->getReturnType())
        : ($f->hasTentativeReturnType() ? 'tentative ' . stubcheck_type($f->getTentativeReturnType()) : '');
    return [$f->getNumberOfRequiredParameters(), implode(', ', $out), $ret, $f->returnsReference()];
}

function stubcheck(string $stubFile, string $module): array
{
    $src = file_get_contents($stubFile);
    $src = preg_replace('/^<\?php/', '', $src);
    if (preg_match('/^\s*namespace\s/m', $src)) {
        $src = preg_replace('/^(\s*)namespace\s+([A-Za-z\\\\]+)\s*\{/m', '$1namespace RsipcStub\\\\$2 {', $src);
        $src = preg_replace('/^(\s*)namespace\s*\{/m', '$1namespace RsipcStub {', $src);
        $src = preg_replace('/([(|?:,]\s*|extends\s+)\\\\(Swoole\\\\|Rsipc\\\\)/', '$1\\\\RsipcStub\\\\$2', $src);
    } else {
        $src = "namespace RsipcStub;\n" . $src;
    }
    eval($src);
    $problems = [];
    $ext = new ReflectionExtension($module);
    $stubFunctions = array_filter(get_defined_functions()['user'], fn($f) => str_starts_with($f, 'rsipcstub\\'));
    $seen = [];
    foreach ($stubFunctions as $sf) {
        $name = substr($sf, strlen('rsipcstub\\'));
        $seen[] = $name;
        if (!function_exists($name)) { $problems[] = "function $name is missing"; continue; }
        $a = stubcheck_params(new ReflectionFunction($sf));
        $b = stubcheck_params(new ReflectionFunction($name));
        if ($a !== $b) { $problems[] = "function $name: stub " . json_encode($a) . " vs extension " . json_encode($b); }
    }
    foreach ($ext->getFunctions() as $f) {
        if (!in_array(strtolower($f->getName()), $seen, true)) { $problems[] = "function {$f->getName()} is not in the stub"; }
    }
    foreach ($ext->getConstants() as $c => $v) {
        $sc = "RsipcStub\\$c";
        if (!defined($sc)) { $problems[] = "constant $c is not in the stub"; }
        elseif (constant($sc) !== $v) { $problems[] = "constant $c: stub " . var_export(constant($sc), true) . " vs " . var_export($v, true); }
    }
    foreach ($ext->getClassNames() as $cn) {
        $sc = "RsipcStub\\$cn";
        if (!class_exists($sc) && !interface_exists($sc)) { $problems[] = "class $cn is not in the stub"; continue; }
        $rs = new ReflectionClass($sc);
        $rc = new ReflectionClass($cn);
        if (strcasecmp($rc->getName(), $cn) !== 0) {
            // a class alias: the stub writes it as a subclass of the class it names
            $target = $rs->getParentClass() ? str_replace('RsipcStub\\', '', $rs->getParentClass()->getName()) : '';
            if (strcasecmp($target, $rc->getName()) !== 0) { $problems[] = "alias $cn: stub says it names $target, it names {$rc->getName()}"; }
            continue;
        }
        if ($rs->isFinal() !== $rc->isFinal()) { $problems[] = "class $cn: final differs"; }
        $ps = $rs->getParentClass() ? str_replace('RsipcStub\\', '', $rs->getParentClass()->getName()) : '';
        $pc = $rc->getParentClass() ? $rc->getParentClass()->getName() : '';
        if ($ps !== $pc) { $problems[] = "class $cn: parent $ps vs $pc"; }
        $is = array_map(fn($i) => str_replace('RsipcStub\\', '', $i), $rs->getInterfaceNames()); sort($is);
        $ic = $rc->getInterfaceNames(); sort($ic);
        if ($is !== $ic) { $problems[] = "class $cn: interfaces " . implode(',', $is) . " vs " . implode(',', $ic); }
        $cs = $rs->getConstants(); $cc = $rc->getConstants(); ksort($cs); ksort($cc);
        if ($cs !== $cc) { $problems[] = "class $cn: constants differ"; }
        $ms = array_map(fn($m) => strtolower($m->getName()), $rs->getMethods()); sort($ms);
        $mc = array_map(fn($m) => strtolower($m->getName()), $rc->getMethods()); sort($mc);
        if ($ms !== $mc) { $problems[] = "class $cn: methods " . implode(',', $ms) . " vs " . implode(',', $mc); }
        foreach ($rc->getMethods() as $m) {
            if (!$rs->hasMethod($m->getName())) { continue; }
            $a = stubcheck_params($rs->getMethod($m->getName()));
            $b = stubcheck_params($m);
            if ($a !== $b) { $problems[] = "method $cn::{$m->getName()}: stub " . json_encode($a) . " vs extension " . json_encode($b); }
        }
        $props = fn(ReflectionClass $r) => array_map(fn($p) => ($p->isStatic() ? 'static ' : '') . stubcheck_type($p->getType()) . ' $' . $p->getName(), $r->getProperties());
        if ($props($rs) !== $props($rc)) { $problems[] = "class $cn: properties " . json_encode($props($rs)) . " vs " . json_encode($props($rc)); }
    }
    return $problems;
}
