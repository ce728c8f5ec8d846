-- attack: replace ctx.finding so other rules' findings vanish
-- contained: ctx is frozen
-- expect: read-only
ctx.finding = function() end
ctx:finding { message = "survived" }
