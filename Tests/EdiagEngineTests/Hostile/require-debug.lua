-- attack: require('debug') for the registry
-- contained: require only finds the pack's own modules
-- expect: module 'debug' not found
require("debug").getregistry()
ctx:finding { message = "survived" }
