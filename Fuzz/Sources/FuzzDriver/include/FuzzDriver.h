/*
 * FuzzDriver: hands an ediag fuzz target to libFuzzer.
 *
 * SwiftPM gives every executable its own `main`, which shadows libFuzzer's. The target's main.swift
 * calls ediag_fuzz_main instead, which runs libFuzzer's documented driver (LLVMFuzzerRunDriver,
 * linked by -sanitize=fuzzer) on LLVMFuzzerTestOneInput, defined once in the target's Swift code
 * with @_cdecl.
 */
#ifndef EDIAG_FUZZ_DRIVER_H
#define EDIAG_FUZZ_DRIVER_H

/// Runs libFuzzer with the process arguments; returns its exit status.
int ediag_fuzz_main(int argc, char **argv);

#endif
