import FuzzDriver
import Foundation

// libFuzzer runs LLVMFuzzerTestOneInput (defined in this target) through its documented driver.
exit(ediag_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv))
