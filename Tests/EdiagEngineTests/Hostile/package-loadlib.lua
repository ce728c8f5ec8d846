-- attack: package.loadlib to load native code
-- contained: there is no package library
-- expect: undefined global 'package'
package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
ctx:finding { message = "survived" }
