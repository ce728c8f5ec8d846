---@meta
-- The ediag rule API v1 for the Lua language server: `rule{}`, the `ctx` reporting methods and the
-- `ediag` library (see docs/rule-api.md). The profile classes are in profile.lua, generated from the
-- schema. A Swift test checks that every function the sandbox offers is declared here.

---Text in both report languages; a plain string is used for both.
---@alias ediag.Text string|{ zh: string, en: string }

---Where a figure comes from.
---@class ediag.Reference
---@field standard string The standard (e.g. "GB 16780-2021") or published source.
---@field clause? string Table, clause or page.
---@field title? string
---@field url? string
---@field confidence? "high"|"medium"|"low"

---A coefficient of the rule, overridable in configuration within its bounds.
---@class ediag.Parameter
---@field default number
---@field unit string "1" when dimensionless.
---@field min? number
---@field max? number
---@field doc? string What it means.
---@field source? string Where its value comes from.

---An expected finding in a rule example (numbers may be `{ value = x, tolerance = t }`).
---@class ediag.ExpectedFinding
---@field subject? string
---@field grade? "grade_1"|"grade_2"|"grade_3"|"not_met"
---@field upcoming_grade? "grade_1"|"grade_2"|"grade_3"|"not_met"
---@field severity? "critical"|"warning"|"info"
---@field category? ediag.Category
---@field measure? string
---@field confidence? "high"|"medium"|"low"
---@field tce? number|{ value: number, tolerance: number }
---@field kwh? number|{ value: number, tolerance: number }
---@field yuan? number|{ value: number, tolerance: number }
---@field investment? number|{ value: number, tolerance: number }
---@field payback? number|{ value: number, tolerance: number }
---@field npv? number|{ value: number, tolerance: number }
---@field co2? number|{ value: number, tolerance: number }
---@field value? number|{ value: number, tolerance: number }
---@field gap? number|{ value: number, tolerance: number }

---An example that documents and tests the rule (`ediag test` runs it).
---@class ediag.Example
---@field name string
---@field profile string Path of the base profile, relative to the rule file's folder.
---@field patch? table Fields to change before decoding; list items are keyed by their id.
---@field remove? string[] Field paths to delete, e.g. "process_units.K1.capacity".
---@field expect "fires"|"silent"|"not_applicable"|"insufficient_data"
---@field subject? string
---@field findings? ediag.ExpectedFinding[]

---@alias ediag.Category "compliance"|"benchmark"|"outdated_equipment"|"saving_measure"|"data_quality"

---A rule declaration.
---@class ediag.Rule
---@field id string Stable, dotted, lower case: "<pack>.<name>".
---@field title ediag.Text
---@field sector? string
---@field category ediag.Category
---@field severity? "critical"|"warning"|"info"
---@field measure? string The measure key of a saving measure.
---@field summary? string What it checks, for docs/rules/.
---@field formula? string The formula, written out.
---@field references ediag.Reference[] At least one.
---@field parameters? table<string, ediag.Parameter>
---@field deprecated? string Since which version, and what replaces the rule.
---@field examples? ediag.Example[]
---@field applies? fun(plant: profile, ctx: ediag.Context, params: table<string, number>): boolean, string?
---@field evaluate fun(plant: profile, ctx: ediag.Context, params: table<string, number>)

---Declares a rule (only at the top level of a rule file).
---@param definition ediag.Rule
function rule(definition) end

---A quantity with its unit, e.g. `ediag.q(12, "万元")`.
---@class ediag.Quantity
---@field value number
---@field unit string

---@class ediag.Evidence
---@field name string
---@field value number|string|boolean
---@field unit? string
---@field source? string Profile field path or document.

---A row of a limit table in force (or upcoming).
---@class ediag.LimitRow
---@field table string
---@field title ediag.Text
---@field unit string
---@field better "lower"|"higher"
---@field standard string
---@field effective string
---@field replaces? string
---@field grade1 number|false
---@field grade2 number|false
---@field grade3 number|false
---@field benchmark? number
---@field baseline? number
---@field source? string
---@field confidence? string

---@class ediag.Limits
---@field current? ediag.LimitRow The edition in force on the date.
---@field upcoming? ediag.LimitRow The next edition, published but not yet in force.

---@class ediag.ComplianceArgs
---@field subject? string Defaults to "plant".
---@field value number The measured indicator.
---@field limits ediag.Limits|ediag.LimitRow
---@field thresholds? (number|false)[] Grades 1–3 after the rule's corrections.
---@field upcoming_thresholds? (number|false)[]
---@field output? number Output (t) for the gap to the benchmark in tce/a.
---@field indicator? ediag.Text
---@field unit? string
---@field source? string
---@field evidence? ediag.Evidence[]

---@class ediag.RecommendArgs
---@field subject? string
---@field savings table<string, number|ediag.Quantity> Carrier id → amount per year in the carrier's unit.
---@field investment number|ediag.Quantity Yuan, or `ediag.q(x, "万元")`.
---@field lifetime number|ediag.Quantity Years.
---@field om_cost? number|ediag.Quantity Yuan a year.
---@field confidence? "high"|"medium"|"low"
---@field range? { low: number, high: number } Multipliers of the likely saving.
---@field message? ediag.Text Placeholders {name} or {name:decimals}; {tce}, {yuan}, {payback}, {investment} are filled by the host.
---@field values? table<string, number|string|boolean>
---@field evidence? ediag.Evidence[]
---@field references? ediag.Reference[]
---@field title? ediag.Text
---@field measure? string
---@field severity? "critical"|"warning"|"info"

---@class ediag.FindingArgs
---@field subject? string
---@field category? ediag.Category
---@field severity? "critical"|"warning"|"info"
---@field title? ediag.Text
---@field message ediag.Text
---@field values? table<string, number|string|boolean>
---@field evidence? ediag.Evidence[]
---@field references? ediag.Reference[]

---@class ediag.InsufficientDataArgs
---@field subject? string
---@field needs string[] Profile field paths that would decide it.
---@field message? ediag.Text

---How a rule reports; the host knows which rule and plant are running.
---@class ediag.Context
local Context = {}

---Grades a measured indicator against a limit table.
---@param args ediag.ComplianceArgs
---@return "grade_1"|"grade_2"|"grade_3"|"not_met"|"undetermined"
function Context:compliance(args) end

---A saving measure; the host computes tce, CO2, money, payback, NPV, IRR and cost of conserved energy.
---@param args ediag.RecommendArgs
function Context:recommend(args) end

---Any other finding (outdated equipment, data quality, benchmark).
---@param args ediag.FindingArgs
function Context:finding(args) end

---The rule (or one subject) does not apply.
---@param reason string|{ subject: string?, reason: string }
function Context:not_applicable(reason) end

---The decision needs data the profile lacks: never report a pass instead.
---@param args ediag.InsufficientDataArgs
function Context:insufficient_data(args) end

---@class ediag.Carrier
---@field id string
---@field unit string
---@field kgce_per_unit number
---@field kgco2_per_unit number
---@field name_en string
---@field name_zh string

---The ediag library available to rules.
---@class ediag.Library
---@field api_version string
ediag = {}

---@param value number
---@param unit string
---@return ediag.Quantity
function ediag.q(value, unit) end

---Unit conversion, e.g. `ediag.convert(1.2, "GWh", "kWh")`.
---@param value number
---@param from string
---@param to string
---@return number
function ediag.convert(value, from, to) end

---@param id string
---@return ediag.Carrier
function ediag.carrier(id) end

---Tonnes of coal equivalent of an amount in the carrier's unit.
---@param amount number
---@param carrier string
---@return number
function ediag.tce(amount, carrier) end

---Tonnes of CO2 of an amount in the carrier's unit.
---@param amount number
---@param carrier string
---@return number
function ediag.co2(amount, carrier) end

---The process units of a type, in profile order.
---@param plant profile
---@param type string
---@return profile.process_unit[]
function ediag.units(plant, type) end

---The equipment items of a type, in profile order.
---@param plant profile
---@param type string
---@return profile.equipment_item[]
function ediag.equipment(plant, type) end

---Whether `measures_implemented` lists the measure (for the subject).
---@param plant profile
---@param measure string
---@param subject? string
---@return boolean
function ediag.implemented(plant, measure, subject) end

---A data table of this plugin (or one it depends on), read-only.
---@param id string
---@return table
function ediag.data(id) end

---The limit row in force on the assessment date (or `date`) and the next edition.
---@param table_id string
---@param match? table<string, string|number>
---@param date? string
---@return ediag.Limits
function ediag.limits(table_id, match, date) end

---The grade as published (grades need not be monotonic).
---@param value number
---@param g1 number|false
---@param g2 number|false
---@param g3 number|false
---@param better? "lower"|"higher"
---@return "grade_1"|"grade_2"|"grade_3"|"not_met"
function ediag.grade(value, g1, g2, g3, better) end

---The year of a YYYY-MM-DD date (default: the assessment date).
---@param date? string
---@return integer
function ediag.year(date) end

---@param x number
---@param decimals? integer
---@return number
function ediag.round(x, decimals) end

---The host's finance formulas, for thresholds inside rules.
ediag.finance = {}

---Present value of 1 yuan a year for n years at rate r.
---@param r number
---@param n number
---@return number
function ediag.finance.annuity(r, n) end

---Capital recovery factor.
---@param r number
---@param n number
---@return number
function ediag.finance.crf(r, n) end

---Simple payback in years (nil when the annual saving is not positive).
---@param investment number
---@param annual number
---@return number?
function ediag.finance.payback(investment, annual) end

---@param investment number
---@param annual number
---@param r number
---@param n number
---@return number
function ediag.finance.npv(investment, annual, r, n) end
