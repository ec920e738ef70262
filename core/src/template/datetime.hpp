// Pure date/time arithmetic behind Leanplum's date filters (datetimeformat, unixtimestamp,
// plus_time, minus_time, between_times). Proleptic Gregorian calendar, years 0001–9999, UTC or
// fixed offsets only: no tz database, no locale, no <ctime> state, so the Wasm build behaves
// exactly like the native one. Decisions are documented in docs/dates.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hooksmith::datetime {

// Every function reports bad input by throwing std::invalid_argument whose message says what was
// given and what is accepted; the template engine turns it into a render error.

// The supported instants: 0001-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z.
inline constexpr std::int64_t min_epoch_ms = -62135596800000;  // 0001-01-01T00:00:00Z
inline constexpr std::int64_t max_epoch_ms = 253402300799999;  // 9999-12-31T23:59:59.999Z

// `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]` with an optional `Z`, `±HH:MM`, `±HHMM`
// or `±HH` suffix (none = UTC). Fraction digits beyond milliseconds are truncated.
// Returns milliseconds since 1970-01-01T00:00:00Z.
std::int64_t parse_iso8601(std::string_view text);

// `UTC`, `GMT`, `Z`, `±HH:MM`, `±HHMM`, `±HH`, also prefixed (`UTC+05:30`); case-insensitive.
// Named zones (`Europe/Paris`) throw. Returns minutes east of UTC, at most ±18:00.
int parse_tz_offset_minutes(std::string_view tz);

// strftime with the C locale; the directives are listed in docs/dates.md. Unknown directives throw.
std::string format(std::int64_t epoch_ms, std::string_view strftime_format, int tz_offset_minutes);

enum class Unit { seconds, minutes, hours, days, weeks, months, years };

// `seconds`…`years`, singular accepted (`day`), case-insensitive.
Unit parse_unit(std::string_view name);
const char* to_string(Unit unit) noexcept;  // plural spelling, as accepted by parse_unit

// Calendar arithmetic in UTC. Months/years keep the time of day and clamp the day to the target
// month's length (Jan 31 + 1 month → Feb 28/29). Negative amounts subtract.
std::int64_t add(std::int64_t epoch_ms, std::int64_t amount, Unit unit);

// Whole units from `from_ms` to `to_ms`, signed, truncated toward zero. Months/years count
// calendar months as java.time's ChronoUnit.between does (Jan 31 → Feb 29 is 0 months).
std::int64_t between(std::int64_t from_ms, std::int64_t to_ms, Unit unit);

}  // namespace hooksmith::datetime
