# Added by config.m4 to the Makefile phpize generates in pecl/: rsipc.so comes from cargo
# (the crate is the directory above), not from C. Cargo decides itself whether anything
# changed, so the rule always asks it.
$(phplibdir)/rsipc.so: rsipc-cargo
	@mkdir -p $(phplibdir)
	cp $${CARGO_TARGET_DIR:-$(srcdir)/../target}/release/librsipc.so $@

rsipc-cargo:
	cd $(srcdir)/.. && PHP=$(PHP_EXECUTABLE) PHP_CONFIG=$(RSIPC_PHP_CONFIG) $(CARGO) build --release

.PHONY: rsipc-cargo
