#include "template/datetime.hpp"

#include <initializer_list>
#include <stdexcept>
#include <string>

namespace hooksmith::datetime {
namespace {

constexpr std::int64_t ms_per_second = 1000;
constexpr std::int64_t ms_per_minute = 60 * ms_per_second;
constexpr std::int64_t ms_per_hour = 60 * ms_per_minute;
constexpr std::int64_t ms_per_day = 24 * ms_per_hour;
constexpr int max_offset_minutes = 18 * 60;  // java.time's ZoneOffset limit

constexpr const char* accepted_dates =
    "accepted: ISO-8601 like 2024-03-05, 2024-03-05T10:20, 2024-03-05T10:20:30.123Z or "
    "2024-03-05 10:20:30+05:30 (years 0001-9999)";
constexpr const char* accepted_zones =
    "accepted: 'UTC' or a fixed offset like '+05:30', '-0800' or 'UTC+01:00'";

constexpr const char* weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
constexpr const char* month_names[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument(message); }

// User text echoed in messages: bounded, so a megabyte attribute cannot make a megabyte error.
// The cut backs off to a UTF-8 character boundary: messages end up in JSON and JS strings.
std::string quoted(std::string_view text) {
    constexpr std::size_t max_shown = 40;
    std::string out = "'";
    if (text.size() > max_shown) {
        std::size_t cut = max_shown;
        const auto is_continuation_byte = [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        };
        while (cut > 0 && is_continuation_byte(text[cut])) --cut;
        out.append(text.substr(0, cut));
        out += "...";
    } else {
        out.append(text);
    }
    out += "'";
    return out;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

bool is_leap_year(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (month == 2 && is_leap_year(year)) ? 29 : lengths[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date. Counting years from March puts the leap
// day last, so a 400-year era has a fixed shape (146097 days) and day-of-year is a linear formula.
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
    const std::int64_t march_year = month <= 2 ? year - 1 : year;
    const std::int64_t era = floor_div(march_year, 400);
    const std::int64_t year_of_era = march_year - era * 400;                    // [0, 399]
    const int month_from_march = month > 2 ? month - 3 : month + 9;             // [0, 11]
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    constexpr std::int64_t days_from_0000_03_01_to_epoch = 719468;
    return era * 146097 + day_of_era - days_from_0000_03_01_to_epoch;
}

struct CivilDate {
    std::int64_t year;
    int month;  // 1-12
    int day;    // 1-31
};

CivilDate civil_from_days(std::int64_t days_since_epoch) {
    const std::int64_t shifted = days_since_epoch + 719468;
    const std::int64_t era = floor_div(shifted, 146097);
    const std::int64_t day_of_era = shifted - era * 146097;  // [0, 146096]
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3
                                                             : month_from_march - 9);
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

// An instant seen on a wall clock (UTC plus an offset).
struct WallTime {
    std::int64_t year;
    int month, day, hour, minute, second, millisecond;
    int weekday;      // 0 = Sunday
    int day_of_year;  // 0-based
};

WallTime to_wall_time(std::int64_t local_ms) {
    const std::int64_t days = floor_div(local_ms, ms_per_day);
    const std::int64_t ms_of_day = local_ms - days * ms_per_day;
    const CivilDate date = civil_from_days(days);
    WallTime wall{};
    wall.year = date.year;
    wall.month = date.month;
    wall.day = date.day;
    wall.hour = static_cast<int>(ms_of_day / ms_per_hour);
    wall.minute = static_cast<int>(ms_of_day / ms_per_minute % 60);
    wall.second = static_cast<int>(ms_of_day / ms_per_second % 60);
    wall.millisecond = static_cast<int>(ms_of_day % 1000);
    wall.weekday = static_cast<int>(floor_mod(days + 4, 7));  // 1970-01-01 was a Thursday
    wall.day_of_year = static_cast<int>(days - days_from_civil(date.year, 1, 1));
    return wall;
}

void require_in_range(std::int64_t epoch_ms, const char* what) {
    if (epoch_ms < min_epoch_ms || epoch_ms > max_epoch_ms) {
        fail(std::string(what) + " " + std::to_string(epoch_ms) +
             " (epoch milliseconds) is outside the supported dates: years 0001-9999, i.e. " +
             std::to_string(min_epoch_ms) + " to " + std::to_string(max_epoch_ms));
    }
}

std::string iso_for_message(std::int64_t epoch_ms) {
    std::string text = format(epoch_ms, "%Y-%m-%dT%H:%M:%S.%f", 0);
    text.resize(text.size() - 3);  // microseconds -> milliseconds
    return text + "Z";
}

// ---- parsing -------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

std::string_view trim_spaces(std::string_view text) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// Reads exactly `count` digits at `pos`; false (and `pos` untouched) if they are not there.
bool read_digits(std::string_view text, std::size_t& pos, int count, int& value) {
    if (pos + static_cast<std::size_t>(count) > text.size()) return false;
    int result = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + static_cast<std::size_t>(i)];
        if (!is_digit(c)) return false;
        result = result * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(count);
    value = result;
    return true;
}

// `±HH:MM`, `±HHMM`, `±HH` or, for a tz argument, `±H` (java.time's ZoneOffset accepts `+8`;
// ISO-8601 does not), the whole of `text`. Returns false if the shape is wrong; throws if the
// shape is right but the numbers are not a usable offset.
bool parse_offset(std::string_view text, std::string_view shown_as, bool allow_one_digit_hour,
                  int& minutes_east) {
    if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return false;
    std::size_t pos = 1;
    int hours = 0;
    int minutes = 0;
    if (text.size() == 2) {
        if (!allow_one_digit_hour) return false;
        if (!read_digits(text, pos, 1, hours)) return false;
    } else if (!read_digits(text, pos, 2, hours)) {
        return false;
    }
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size() && !read_digits(text, pos, 2, minutes)) return false;
    if (pos != text.size() || text.back() == ':') return false;
    if (minutes > 59 || hours * 60 + minutes > max_offset_minutes) {
        fail("offset " + quoted(shown_as) +
             " is out of range: hours go up to 18 and minutes up to 59 (e.g. '+05:30', '-08:00')");
    }
    minutes_east = (text[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
    return true;
}

[[noreturn]] void fail_date(std::string_view text, const std::string& problem) {
    fail("cannot read " + quoted(text) + " as a date: " + problem + "; " + accepted_dates);
}

void check_field(std::string_view text, const char* name, int value, int low, int high) {
    if (value < low || value > high) {
        fail_date(text, std::string(name) + " " + std::to_string(value) + " is not between " +
                            std::to_string(low) + " and " + std::to_string(high));
    }
}

// ---- formatting ----------------------------------------------------------------------------

void append_number(std::string& out, std::int64_t value, int width, char pad) {
    const std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out += pad;
    out += digits;
}

std::string offset_text(int minutes_east, bool with_colon) {
    std::string out(1, minutes_east < 0 ? '-' : '+');
    const int magnitude = minutes_east < 0 ? -minutes_east : minutes_east;
    append_number(out, magnitude / 60, 2, '0');
    if (with_colon) out += ':';
    append_number(out, magnitude % 60, 2, '0');
    return out;
}

// Week number of the year where weeks start on `first_weekday` (0 = Sunday for %U, 1 = Monday
// for %W); days before the first such weekday are in week 0.
int week_of_year(const WallTime& wall, int first_weekday) {
    const int days_since_week_start = (wall.weekday - first_weekday + 7) % 7;
    return (wall.day_of_year + 7 - days_since_week_start) / 7;
}

// Returns false for a directive that is not numeric (so the '-' flag does not apply).
bool append_numeric(std::string& out, char directive, const WallTime& wall, bool no_padding) {
    std::int64_t value = 0;
    int width = 2;
    char pad = '0';
    switch (directive) {
        case 'd': value = wall.day; break;
        case 'e': value = wall.day; pad = ' '; break;
        case 'm': value = wall.month; break;
        case 'y': value = wall.year % 100; break;
        case 'Y': value = wall.year; width = 4; break;
        case 'H': value = wall.hour; break;
        case 'k': value = wall.hour; pad = ' '; break;
        case 'I': value = (wall.hour + 11) % 12 + 1; break;
        case 'l': value = (wall.hour + 11) % 12 + 1; pad = ' '; break;
        case 'M': value = wall.minute; break;
        case 'S': value = wall.second; break;
        case 'f': value = wall.millisecond * 1000; width = 6; break;
        case 'j': value = wall.day_of_year + 1; width = 3; break;
        case 'U': value = week_of_year(wall, 0); break;
        case 'W': value = week_of_year(wall, 1); break;
        case 'w': value = wall.weekday; width = 1; break;
        default: return false;
    }
    append_number(out, value, no_padding ? 0 : width, pad);
    return true;
}

void append_directive(std::string& out, char directive, bool no_padding, const WallTime& wall,
                      int tz_offset_minutes, std::string_view whole_format) {
    if (append_numeric(out, directive, wall, no_padding)) return;
    switch (directive) {
        case 'a': out.append(weekday_names[wall.weekday], 3); return;
        case 'A': out += weekday_names[wall.weekday]; return;
        case 'b': out.append(month_names[wall.month - 1], 3); return;
        case 'B': out += month_names[wall.month - 1]; return;
        case 'p': out += wall.hour < 12 ? "AM" : "PM"; return;
        case 'z': out += offset_text(tz_offset_minutes, false); return;
        case 'Z':
            out += "UTC";
            if (tz_offset_minutes != 0) out += offset_text(tz_offset_minutes, true);
            return;
        case 'c':  // C locale: "%a %b %e %H:%M:%S %Y"
            for (const char part : std::string_view("a b e H:M:S Y")) {
                if (part == ' ' || part == ':') {
                    out += part;
                } else {
                    append_directive(out, part, false, wall, tz_offset_minutes, whole_format);
                }
            }
            return;
        case 'x':  // C locale: "%m/%d/%y"
            append_numeric(out, 'm', wall, false);
            out += '/';
            append_numeric(out, 'd', wall, false);
            out += '/';
            append_numeric(out, 'y', wall, false);
            return;
        case 'X':  // C locale: "%H:%M:%S"
            append_numeric(out, 'H', wall, false);
            out += ':';
            append_numeric(out, 'M', wall, false);
            out += ':';
            append_numeric(out, 'S', wall, false);
            return;
        case '%': out += '%'; return;
        default:
            fail("unknown date format directive '%" + std::string(1, directive) + "' in " +
                 quoted(whole_format) +
                 "; accepted: %a %A %w %d %e %b %B %m %y %Y %H %I %k %l %p %M %S %f %z %Z %j "
                 "%U %W %c %x %X %% (add '-' to drop padding, e.g. %-d)");
    }
}

}  // namespace

std::int64_t parse_iso8601(std::string_view text) {
    const std::string_view input = trim_spaces(text);
    if (input.empty()) fail_date(text, "it is empty");

    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (!read_digits(input, pos, 4, year) || pos >= input.size() || input[pos++] != '-' ||
        !read_digits(input, pos, 2, month) || pos >= input.size() || input[pos++] != '-' ||
        !read_digits(input, pos, 2, day)) {
        fail_date(text, "it does not start with a date written YYYY-MM-DD");
    }
    check_field(text, "year", year, 1, 9999);
    check_field(text, "month", month, 1, 12);
    if (day < 1 || day > days_in_month(year, month)) {
        fail_date(text, std::string(month_names[month - 1]) + " " + std::to_string(year) +
                            " has " + std::to_string(days_in_month(year, month)) +
                            " days, there is no day " + std::to_string(day));
    }

    int offset_minutes = 0;
    if (pos < input.size()) {
        const char separator = input[pos++];
        if (separator != 'T' && separator != 't' && separator != ' ') {
            fail_date(text, "the date must be followed by 'T' or a space and a time HH:MM");
        }
        if (!read_digits(input, pos, 2, hour) || pos >= input.size() || input[pos++] != ':' ||
            !read_digits(input, pos, 2, minute)) {
            fail_date(text, "the time must be written HH:MM, HH:MM:SS or HH:MM:SS.fff");
        }
        if (pos < input.size() && input[pos] == ':') {
            ++pos;
            if (!read_digits(input, pos, 2, second)) {
                fail_date(text, "seconds must be two digits (HH:MM:SS)");
            }
            if (pos < input.size() && input[pos] == '.') {
                ++pos;
                const std::size_t first_digit = pos;
                int scale = 100;
                while (pos < input.size() && is_digit(input[pos])) {
                    millisecond += (input[pos] - '0') * scale;  // digits past ms are dropped
                    scale /= 10;
                    ++pos;
                }
                if (pos == first_digit) fail_date(text, "a '.' after the seconds needs digits");
            }
        }
        check_field(text, "hour", hour, 0, 23);
        check_field(text, "minute", minute, 0, 59);
        check_field(text, "second", second, 0, 59);

        const std::string_view suffix = input.substr(pos);
        if (suffix == "Z" || suffix == "z") {
            offset_minutes = 0;
        } else if (!suffix.empty() && !parse_offset(suffix, suffix, false, offset_minutes)) {
            fail_date(text, "unexpected " + quoted(suffix) +
                                " after the time (a time zone is written Z, +HH:MM or -HHMM)");
        }
    }

    const std::int64_t local_ms = days_from_civil(year, month, day) * ms_per_day +
                                  hour * ms_per_hour + minute * ms_per_minute +
                                  second * ms_per_second + millisecond;
    const std::int64_t epoch_ms = local_ms - offset_minutes * ms_per_minute;
    if (epoch_ms < min_epoch_ms || epoch_ms > max_epoch_ms) {
        fail_date(text, "with its offset it falls outside years 0001-9999 in UTC");
    }
    return epoch_ms;
}

int parse_tz_offset_minutes(std::string_view tz) {
    std::string_view rest = trim_spaces(tz);
    if (rest.empty()) fail("the time zone is empty; " + std::string(accepted_zones));
    if (equals_ignoring_case(rest, "Z")) return 0;
    for (const std::string_view prefix : {std::string_view("UTC"), std::string_view("GMT")}) {
        if (rest.size() >= 3 && equals_ignoring_case(rest.substr(0, 3), prefix)) {
            rest.remove_prefix(3);
            if (rest.empty()) return 0;
            break;
        }
    }
    int minutes_east = 0;
    if (parse_offset(rest, tz, true, minutes_east)) return minutes_east;
    fail("unknown time zone " + quoted(tz) +
         ": named zones (Europe/Paris, EST) need a time-zone database, which hooksmith does not "
         "include, so give the offset instead; " + accepted_zones);
}

std::string format(std::int64_t epoch_ms, std::string_view strftime_format,
                   int tz_offset_minutes) {
    require_in_range(epoch_ms, "the date");
    if (tz_offset_minutes < -max_offset_minutes || tz_offset_minutes > max_offset_minutes) {
        fail("time zone offset of " + std::to_string(tz_offset_minutes) +
             " minutes is out of range (at most 18 hours either way)");
    }
    const std::int64_t local_ms = epoch_ms + tz_offset_minutes * ms_per_minute;
    if (local_ms < min_epoch_ms || local_ms > max_epoch_ms) {
        fail("the date " + std::to_string(epoch_ms) + " (epoch milliseconds) shifted by " +
             offset_text(tz_offset_minutes, true) + " falls outside years 0001-9999");
    }
    if (strftime_format.find('%') == std::string_view::npos) {
        for (const char c : strftime_format) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                // Jinjava would read this as a Java pattern (yyyy-MM-dd); printing it verbatim
                // would hide the mistake, so say so.
                fail("the date format " + quoted(strftime_format) +
                     " has no %-directives; write it with strftime directives, e.g. "
                     "'%Y-%m-%d %H:%M' (Java patterns such as yyyy-MM-dd are not supported)");
            }
        }
    }
    const WallTime wall = to_wall_time(local_ms);

    std::string out;
    out.reserve(strftime_format.size() + 16);
    for (std::size_t i = 0; i < strftime_format.size(); ++i) {
        const char c = strftime_format[i];
        if (c != '%' || i + 1 == strftime_format.size()) {
            out += c;  // a lone trailing '%' is literal, as in Jinjava and glibc
            continue;
        }
        char directive = strftime_format[++i];
        const bool no_padding = directive == '-' && i + 1 < strftime_format.size();
        if (no_padding) directive = strftime_format[++i];
        append_directive(out, directive, no_padding, wall, tz_offset_minutes, strftime_format);
    }
    return out;
}

Unit parse_unit(std::string_view name) {
    static constexpr Unit units[] = {Unit::seconds, Unit::minutes, Unit::hours, Unit::days,
                                     Unit::weeks,   Unit::months,  Unit::years};
    const std::string_view trimmed = trim_spaces(name);
    for (const Unit unit : units) {
        const std::string_view plural = to_string(unit);
        if (equals_ignoring_case(trimmed, plural) ||
            equals_ignoring_case(trimmed, plural.substr(0, plural.size() - 1))) {
            return unit;
        }
    }
    fail("unknown time unit " + quoted(name) +
         "; accepted: seconds, minutes, hours, days, weeks, months, years (or the singular)");
}

const char* to_string(Unit unit) noexcept {
    switch (unit) {
        case Unit::seconds: return "seconds";
        case Unit::minutes: return "minutes";
        case Unit::hours: return "hours";
        case Unit::days: return "days";
        case Unit::weeks: return "weeks";
        case Unit::months: return "months";
        case Unit::years: return "years";
    }
    return "?";
}

namespace {

std::int64_t fixed_unit_ms(Unit unit) {
    switch (unit) {
        case Unit::seconds: return ms_per_second;
        case Unit::minutes: return ms_per_minute;
        case Unit::hours: return ms_per_hour;
        case Unit::days: return ms_per_day;
        case Unit::weeks: return 7 * ms_per_day;
        case Unit::months:
        case Unit::years: break;
    }
    return 0;
}

[[noreturn]] void fail_add(std::int64_t epoch_ms, std::int64_t amount, Unit unit) {
    fail("adding " + std::to_string(amount) + " " + to_string(unit) + " to " +
         iso_for_message(epoch_ms) + " leaves the supported dates (years 0001-9999)");
}

// Months since 0000-01 and the day of month of a date, packed so that comparing packed values
// compares (month, day) pairs: the same trick java.time uses for ChronoUnit.MONTHS.between.
std::int64_t packed_month_and_day(std::int64_t days_since_epoch) {
    const CivilDate date = civil_from_days(days_since_epoch);
    return (date.year * 12 + (date.month - 1)) * 32 + date.day;
}

}  // namespace

std::int64_t add(std::int64_t epoch_ms, std::int64_t amount, Unit unit) {
    require_in_range(epoch_ms, "the date");
    constexpr std::int64_t span_ms = max_epoch_ms - min_epoch_ms;
    if (unit != Unit::months && unit != Unit::years) {
        const std::int64_t step = fixed_unit_ms(unit);
        if (amount > span_ms / step || amount < -(span_ms / step)) fail_add(epoch_ms, amount, unit);
        const std::int64_t result = epoch_ms + amount * step;
        if (result < min_epoch_ms || result > max_epoch_ms) fail_add(epoch_ms, amount, unit);
        return result;
    }

    constexpr std::int64_t span_months = 10000 * 12;
    const std::int64_t months_per_unit = unit == Unit::years ? 12 : 1;
    if (amount > span_months / months_per_unit || amount < -(span_months / months_per_unit)) {
        fail_add(epoch_ms, amount, unit);
    }
    const std::int64_t days = floor_div(epoch_ms, ms_per_day);
    const std::int64_t ms_of_day = epoch_ms - days * ms_per_day;
    const CivilDate date = civil_from_days(days);
    const std::int64_t month_index = date.year * 12 + (date.month - 1) + amount * months_per_unit;
    const std::int64_t year = floor_div(month_index, 12);
    const int month = static_cast<int>(floor_mod(month_index, 12)) + 1;
    if (year < 1 || year > 9999) fail_add(epoch_ms, amount, unit);
    const int day = date.day < days_in_month(year, month) ? date.day : days_in_month(year, month);
    return days_from_civil(year, month, day) * ms_per_day + ms_of_day;
}

std::int64_t between(std::int64_t from_ms, std::int64_t to_ms, Unit unit) {
    require_in_range(from_ms, "the start date");
    require_in_range(to_ms, "the end date");
    if (unit != Unit::months && unit != Unit::years) {
        return (to_ms - from_ms) / fixed_unit_ms(unit);  // C++ division truncates toward zero
    }

    // A month is complete once the end's (day, time of day) reaches the start's: compare dates
    // after moving the end by a day when its time of day has not reached the start's yet.
    const std::int64_t from_days = floor_div(from_ms, ms_per_day);
    const std::int64_t from_time = from_ms - from_days * ms_per_day;
    std::int64_t to_days = floor_div(to_ms, ms_per_day);
    const std::int64_t to_time = to_ms - to_days * ms_per_day;
    if (to_days > from_days && to_time < from_time) --to_days;
    if (to_days < from_days && to_time > from_time) ++to_days;

    const std::int64_t months =
        (packed_month_and_day(to_days) - packed_month_and_day(from_days)) / 32;
    return unit == Unit::years ? months / 12 : months;
}

}  // namespace hooksmith::datetime
