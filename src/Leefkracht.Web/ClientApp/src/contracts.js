// The API's answers as the pages read them (docs/web.md#api, docs/wijkaanpak.md#api-contract): JSDoc types only, for
// `tsc --checkJs`; nothing here runs. The client does not check answers against them: they say what the pages
// assume, so that a renamed field shows up as a type error where it is read.

/** @typedef {{ code: string, name: string | null }} AreaRef */
/** @typedef {{ id: string, name: string }} Named */

/**
 * @typedef {object} Meta GET /meta
 * @property {number[]} years
 * @property {number} defaultYear
 * @property {Named[]} dimensions
 * @property {(Named & { unit: string })[]} indicators with the API's unit name (percent, count, …)
 * @property {string[]} resilienceClasses
 * @property {string} caveat
 * @property {{ tileUrl: string | null, attribution: string }} baseMap the tiles under the map (null URL: off)
 */

/**
 * @typedef {object} Area an area of GET /areas and of a profile
 * @property {string} code
 * @property {string} name
 * @property {string} level
 * @property {AreaRef | null} gemeente
 * @property {AreaRef | null} wijk
 */

/**
 * @typedef {object} Profile GET /areas/{code}
 * @property {Area} area
 * @property {number} year
 * @property {string} reference
 * @property {{ deviation: number | null, class: number | null, className: string | null, percentile: number | null, coverage: number, notScoredReason: string | null, uncertainty?: { estimated: string[], low95: number, high95: number } | null, nowcast?: { label: string, target: string, latestMeasurement: number, score: number, low90: number, high90: number, class: number, className: string, classLow: number, classHigh: number } | null }} score
 * @property {Dimension[]} dimensions
 * @property {{ wijk: Compared | null, gemeente: Compared | null, country: Compared }} comparison
 * @property {Resilience | null} resilience
 * @property {{ kind: string, text: string }[]} flags
 * @property {{ risk: number, reasons: string[] } | null} warning
 * @property {string} note
 * @property {string} caveat
 * @property {Leefbaarometer | null} leefbaarometer the official Leefbaarometer beside our score, never part of it
 */

/**
 * @typedef {object} Leefbaarometer
 * @property {string} source
 * @property {number} year
 * @property {number} score
 * @property {number} deviation
 * @property {number} class
 * @property {string} className
 * @property {string} classBasis
 * @property {string | null} carry
 * @property {Record<string, number> | null} dimensions
 * @property {number | null} dimensionsYear
 * @property {{ year: number, score: number, deviation: number, class: number }[]} series
 * @property {string} note
 */

/**
 * @typedef {object} Dimension
 * @property {string} id
 * @property {string} name
 * @property {number} contribution
 * @property {{ id: string, name: string, unit: string, value: number, referenceMean: number, gemeenteValue: number | null, countryValue: number | null, contribution: number, fromBuurten: boolean, estimated?: boolean, definition?: string | null }[]} indicators
 */

/** @typedef {{ code: string, name: string | null, deviation: number | null, className: string | null }} Compared */

/**
 * @typedef {object} SimilarAreas GET /areas/{code}/similar
 * @property {Area} area
 * @property {number} year
 * @property {string} method how likeness is measured, in words
 * @property {{ id: string, name: string, unit: string, value: number | null }[]} variables with the area's own values
 * @property {{ area: Area, distance: number, deviation: number | null, class: number | null, className: string | null, values: Record<string, number | null> }[]} areas nearest first
 */

/**
 * @typedef {object} Resilience
 * @property {number | null} score
 * @property {number | null} class
 * @property {string | null} className
 * @property {number | null} capacity
 * @property {number | null} pressure
 * @property {string | null} vulnerableIndicator
 * @property {number | null} vulnerableShare
 * @property {number | null} locationQuotientGemeente
 * @property {number | null} locationQuotientCountry
 * @property {number | null} corporationShare
 * @property {number | null} turnover
 * @property {string | null} notScoredReason
 */

/**
 * @typedef {object} History GET /areas/{code}/history
 * @property {string} reference
 * @property {{ year: number, deviation: number | null, class: number | null, coverage: number, notScoredReason: string | null }[]} points
 * @property {{ id: string, name: string, unit: string, values: { year: number, value: number }[] }[]} indicators
 * @property {{ year: number, code: string, reason: string }[]} missing every year without a score, and why (in the user's language)
 */

/**
 * @typedef {object} WatchEntry a row of GET /watchlist
 * @property {string} code
 * @property {string | null} name
 * @property {string | null} gemeente
 * @property {number} risk
 * @property {number | null} score
 * @property {number | null} change
 * @property {string[]} reasons
 * @property {number | null} class the area's class in the year, as its profile shows it
 * @property {string | null} className
 */

/** @typedef {{ from: number | null, to: number, considered: number, entries: WatchEntry[], riskLabel: string, riskBasis: string[], beatsLowestScore: boolean | null }} Watchlist GET /watchlist */

/**
 * @typedef {object} DataSummary GET /imports
 * @property {number} imports
 * @property {number} areas
 * @property {number} values
 * @property {number} boundaries
 * @property {{ file: string, kind: string, shape: string, sha256: string, importedAt: string, rowsStored: number, valuesStored: number }[]} files
 */

/** @typedef {{ id: number, name: string, type: string }} Party */
/** @typedef {{ id: number, displayName: string }} AccountRef */

/**
 * @typedef {object} Programme GET /wijkaanpak/programmes/{id}
 * @property {number} id
 * @property {string} name
 * @property {string} areaCode
 * @property {string | null} areaName
 * @property {string} startDate
 * @property {string} description
 * @property {{ description: string | null, indicator: string | null, target: number | null }[]} goals
 * @property {boolean} published
 * @property {Party} coordinatorParty
 * @property {{ id: number, party: Party, from: string, to: string | null, active: boolean, version: number }[]} coalition
 * @property {number} version
 */

/**
 * @typedef {object} ProgrammeSummary a row of GET /wijkaanpak/programmes
 * @property {number} id
 * @property {string} name
 * @property {string} areaCode
 * @property {string | null} areaName
 * @property {boolean} published
 * @property {Party} coordinatorParty
 * @property {number} agreements
 * @property {number} late
 */

/**
 * @typedef {object} Agreement GET /wijkaanpak/agreements/{id} (history and comments only there)
 * @property {number} id
 * @property {number} programmeId
 * @property {string} title
 * @property {string} deliverable
 * @property {Party} ownerParty
 * @property {Party[]} counterparties
 * @property {string} deadline
 * @property {{ indicator: string | null, target: number | null }[]} indicators
 * @property {string} status the effective status: late when planned or in progress past the deadline and nobody set a status since
 * @property {string} storedStatus the status its owner last set
 * @property {boolean} late whether the effective status is late
 * @property {boolean} deadlinePassed the deadline day is past and the agreement is neither done nor not kept
 * @property {number} version
 * @property {{ from: string, to: string, at: string, account: AccountRef | null, comment: string | null }[]} [history]
 * @property {{ id: number, text: string, at: string, account: AccountRef, party: Party }[]} [comments]
 */

/**
 * @typedef {object} Funding
 * @property {Party} funderParty
 * @property {number} amount
 * @property {string} from
 * @property {string} to
 * @property {string} purpose
 */

/**
 * @typedef {object} Initiative
 * @property {number} id
 * @property {string} title
 * @property {string} description
 * @property {string} status
 * @property {AccountRef} submittedBy
 * @property {string} submittedAt
 * @property {string | null} note
 * @property {number} version
 */

/** @typedef {{ year: number, value: number }} ValueInYear */

/**
 * @typedef {object} IndicatorProgress
 * @property {string} indicator the catalogue id
 * @property {string} name
 * @property {number} target
 * @property {ValueInYear | null} baseline
 * @property {ValueInYear | null} latest
 * @property {string} movement
 */

/**
 * @typedef {object} Accountability GET /wijkaanpak/programmes/{id}/accountability
 * @property {string} asOf
 * @property {{ planned: number, inProgress: number, done: number, late: number, notKept: number }} counts
 * @property {{ party: Party, agreements: number }[]} lateByParty
 * @property {{ agreement: Agreement, statusLabel: string, daysLate: number, indicators: IndicatorProgress[] }[]} agreements
 * @property {IndicatorProgress[]} goals
 * @property {{ total: number, byParty: { party: Party, amount: number }[] }} funding
 */

/**
 * @typedef {object} AccountRow a row of GET /accounts
 * @property {number} id
 * @property {string} userName
 * @property {string} displayName
 * @property {string} role
 * @property {Party} party
 * @property {boolean} disabled
 * @property {string | null} lockedUntil
 * @property {number} version
 */

/**
 * @typedef {object} AuditEntry a row of GET …/audit
 * @property {string} at
 * @property {AccountRef | null} account null: the system (a deadline passed)
 * @property {string} entity
 * @property {number} entityId
 * @property {string} action
 * @property {Record<string, unknown> | null} before
 * @property {Record<string, unknown> | null} after
 * @property {string} description the change in one sentence, in the reader's language
 */

/**
 * @typedef {object} PlannerContext GET /planner/context
 * @property {number} baseYear
 * @property {number[]} years
 * @property {{ maxYears: number }} limits
 * @property {import('./pages/planner/scenario.js').Parameters} parameters the model's defaults
 */

/**
 * @typedef {object} YearSummary a year of a planner run
 * @property {number} year
 * @property {number} vulnerableShare
 * @property {number} highestVulnerableShare
 * @property {number} buurtenAboveTipping
 * @property {number} meanResilience
 * @property {number} veryVulnerableBuurten
 * @property {number} placed
 */

/**
 * @typedef {object} BuurtYear a buurt in a year of a planner run
 * @property {string} code
 * @property {string | null} name
 * @property {number} year
 * @property {number} vulnerableShare
 * @property {number | null} resilience
 * @property {number | null} resilienceClass
 * @property {number} socialRentShare
 * @property {number} placedHouseholds
 */

/**
 * @typedef {object} Run POST /planner/run
 * @property {string} scenario
 * @property {string} label
 * @property {YearSummary[]} summary
 * @property {BuurtYear[]} buurten
 * @property {string[]} assumptions
 * @property {string[]} skipped
 * @property {string} resilienceReference
 * @property {{ scenario: string, summary: YearSummary[], buurten: BuurtYear[] }} baseline
 */

/**
 * @typedef {object} Comparison POST /planner/compare
 * @property {string} label
 * @property {number} year
 * @property {string} comparedWith
 * @property {{ scenario: string, summary: YearSummary[] }[]} runs
 * @property {{ scenario: string, buurten: { code: string, name: string | null, vulnerableShare: number, resilience: number | null }[] }[]} differences
 */

/**
 * @typedef {object} Optimisation POST /planner/optimise
 * @property {string} label
 * @property {number} year
 * @property {{ worstPlacedShare: number, placed: number }} naive
 * @property {{ worstPlacedShare: number, placed: number }} optimised
 * @property {string[]} explanation
 * @property {{ code: string, name: string | null, vacancies: number, capacity: number, shareBefore: number, naive: number, naiveShareAfter: number, optimised: number, optimisedShareAfter: number, reason: string }[]} rows
 */

export {};

/**
 * @typedef {{ key: string, name: string, areas: number, trajectory: { year: number, mean: number | null, gap: number | null }[],
 *   periods: { from: number, to: number, shareFell: number | null, shareFellClearly: number | null, meanChange: number | null, nationalShareFell: number | null }[] }} KwibSet
 * @typedef {{ code: string, name: string | null, gemeente: string | null, inhabitants: number, ownerOccupied: number | null,
 *   values: { year: number, afw: number, class: number, className: string }[] }} KwibArea
 * @typedef {{ divisionYear: number, years: number[], considered: number, sets: KwibSet[], areas: KwibArea[], source: string,
 *   carry: string | null, classBasis: string, corporationYear: number | null }} KwetsbareWijken GET /kwetsbare-wijken
 */

/**
 * @typedef {object} AreaHit an area of GET /areas?q=
 * @property {string} code
 * @property {string} name
 * @property {string} level
 * @property {{ name: string } | null} [gemeente]
 * @property {string | null} [alias] the other name it was found by (Den Haag, a merged gemeente)
 */
