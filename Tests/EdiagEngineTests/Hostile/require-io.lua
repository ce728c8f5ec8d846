-- attack: require('io') as a module
-- contained: require only finds the pack's own modules
-- expect: module 'io' not found
require("io").open("/etc/passwd")
ctx:finding { message = "survived" }
