#include "hooksmith/retry.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <string_view>

#include "hooksmith/error.hpp"
#include "webhook/config.hpp"

namespace hooksmith {

namespace {

constexpr int max_attempts_limit = 100;
constexpr std::int64_t one_day_ms = 24LL * 60 * 60 * 1000;
constexpr std::size_t max_delay_entries = 100;

// ---- Retry-After ----------------------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

bool is_leap_year(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
    static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// A left-to-right reader over the exact grammar of RFC 9110 §5.6.7 (case-sensitive names).
class DateReader {
public:
    explicit DateReader(std::string_view text) : text_(text) {}

    bool literal(std::string_view expected) {
        if (text_.substr(position_, expected.size()) != expected) return false;
        position_ += expected.size();
        return true;
    }
    // Exactly `count` digits.
    bool digits(std::size_t count, int& value) {
        if (text_.size() - position_ < count) return false;
        value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text_[position_ + i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        position_ += count;
        return true;
    }
    // One of `names`; `index` receives its position in the list.
    template <std::size_t N>
    bool one_of(const std::string_view (&names)[N], int& index) {
        for (std::size_t i = 0; i < N; ++i) {
            if (literal(names[i])) {
                index = int(i);
                return true;
            }
        }
        return false;
    }
    bool at_end() const { return position_ == text_.size(); }

private:
    std::string_view text_;
    std::size_t position_ = 0;
};

constexpr std::string_view short_day_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::string_view long_day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};
constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct DateTime {
    std::int64_t year = 0;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool read_time_of_day(DateReader& reader, DateTime& date) {
    return reader.digits(2, date.hour) && reader.literal(":") && reader.digits(2, date.minute) &&
           reader.literal(":") && reader.digits(2, date.second);
}

bool read_month(DateReader& reader, DateTime& date) {
    int index = 0;
    if (!reader.one_of(month_names, index)) return false;
    date.month = index + 1;
    return true;
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
bool read_imf_fixdate(std::string_view text, DateTime& date) {
    DateReader reader(text);
    int day_name = 0, year = 0;
    const bool ok = reader.one_of(short_day_names, day_name) && reader.literal(", ") &&
                    reader.digits(2, date.day) && reader.literal(" ") && read_month(reader, date) &&
                    reader.literal(" ") && reader.digits(4, year) && reader.literal(" ") &&
                    read_time_of_day(reader, date) && reader.literal(" GMT") && reader.at_end();
    date.year = year;
    return ok;
}

// "Sunday, 06-Nov-94 08:49:37 GMT"; the century is resolved against `now` later.
bool read_rfc850_date(std::string_view text, DateTime& date) {
    DateReader reader(text);
    int day_name = 0, year = 0;
    const bool ok = reader.one_of(long_day_names, day_name) && reader.literal(", ") &&
                    reader.digits(2, date.day) && reader.literal("-") && read_month(reader, date) &&
                    reader.literal("-") && reader.digits(2, year) && reader.literal(" ") &&
                    read_time_of_day(reader, date) && reader.literal(" GMT") && reader.at_end();
    date.year = year;
    return ok;
}

// "Sun Nov  6 08:49:37 1994" (the day is space-padded)
bool read_asctime_date(std::string_view text, DateTime& date) {
    DateReader reader(text);
    int day_name = 0, year = 0;
    if (!reader.one_of(short_day_names, day_name) || !reader.literal(" ") || !read_month(reader, date) ||
        !reader.literal(" ")) {
        return false;
    }
    if (reader.literal(" ")) {
        if (!reader.digits(1, date.day)) return false;
    } else if (!reader.digits(2, date.day)) {
        return false;
    }
    const bool ok = reader.literal(" ") && read_time_of_day(reader, date) && reader.literal(" ") &&
                    reader.digits(4, year) && reader.at_end();
    date.year = year;
    return ok;
}

bool is_valid_date_time(const DateTime& date) {
    return date.day >= 1 && date.day <= days_in_month(date.year, date.month) && date.hour <= 23 &&
           date.minute <= 59 && date.second <= 60;  // 60: a leap second
}

std::int64_t unix_seconds_of(const DateTime& date) {
    return days_from_civil(date.year, date.month, date.day) * 86400 + date.hour * 3600 +
           date.minute * 60 + date.second;
}

// The current UTC year, for RFC 850's two-digit years.
std::int64_t year_of(std::int64_t unix_seconds) {
    std::int64_t days = unix_seconds / 86400 - (unix_seconds % 86400 < 0 ? 1 : 0);
    // Inverse of days_from_civil, year only (H. Hinnant's civil_from_days).
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    return year_of_era + era * 400 + (month_index >= 10 ? 1 : 0);
}

std::optional<std::int64_t> parse_http_date(std::string_view text, std::int64_t now_unix_seconds) {
    DateTime date;
    if (read_imf_fixdate(text, date) || read_asctime_date(text, date)) {
        // read; validated below
    } else if (read_rfc850_date(text, date)) {
        // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is the most recent
        // past year with the same last two digits.
        const std::int64_t current_year = year_of(now_unix_seconds);
        std::int64_t year = current_year - current_year % 100 + date.year;
        if (year > current_year + 50) year -= 100;
        date.year = year;
    } else {
        return std::nullopt;
    }
    if (!is_valid_date_time(date)) return std::nullopt;
    return unix_seconds_of(date);
}

std::string_view trim_whitespace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Delays are capped long before they could overflow milliseconds in 64 bits.
constexpr std::int64_t max_retry_after_seconds = 1000LL * 1000 * 1000 * 1000;

std::string seconds_text(std::int64_t milliseconds) {
    if (milliseconds % 1000 == 0) return std::to_string(milliseconds / 1000) + " s";
    return std::to_string(milliseconds) + " ms";
}

std::string status_text(const AttemptOutcome& outcome) {
    switch (outcome.kind) {
        case AttemptOutcome::timeout: return "attempt timed out";
        case AttemptOutcome::network_error: return "network error";
        case AttemptOutcome::response: break;
    }
    return "status " + std::to_string(outcome.status);
}

// ---- JSON config ------------------------------------------------------------------------------

using detail::fail_config;
using detail::Indexed;
using detail::Parts;

// "<field><text>", naming `field`: the field path is joined only on failure.
[[noreturn]] void fail_setting(Parts field, std::string_view text) {
    const std::string path = detail::join(field);
    fail_config({path, text}, {path});
}

[[noreturn]] void fail_integer(Parts field, const char* must_be, std::int64_t min, std::int64_t max,
                               const char* unit) {
    const std::string path = detail::join(field);
    fail_config({path, must_be, " between ", min, " and ", max, unit}, {path});
}

std::int64_t read_integer(const detail::JsonView& value, Parts field, std::int64_t min, std::int64_t max,
                          const char* unit) {
    if (value.is_number_unsigned()) {
        const auto number = value.unsigned_integer();
        // nlohmann parses every non-negative integer as unsigned: check both bounds here too.
        if (number > std::uint64_t(max) || std::int64_t(number) < min) fail_integer(field, " must be", min, max, unit);
        return std::int64_t(number);
    }
    if (!value.is_number_integer()) fail_integer(field, " must be an integer", min, max, unit);
    const auto number = value.integer();
    if (number < min || number > max) fail_integer(field, " must be", min, max, unit);
    return number;
}

// 408, "500-599" or "500–599" are accepted; only 4xx/5xx can be retried.
StatusRange read_status_range(const detail::JsonView& value, Parts field) {
    const char* expected = " must be a status from 400 to 599 or a range such as \"500-599\"";
    if (value.is_number()) {
        const int status = int(read_integer(value, field, 400, 599, ""));
        return {status, status};
    }
    if (!value.is_string()) fail_setting(field, expected);
    const std::string& text = value.string();
    const auto is_digits = [](std::string_view part) {
        return part.size() == 3 && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 7 || text[3] != '-' || !is_digits(std::string_view(text).substr(0, 3)) ||
        !is_digits(std::string_view(text).substr(4))) {
        fail_setting(field, expected);
    }
    const auto number = [&text](std::size_t at) {  // three digits, checked above
        return (text[at] - '0') * 100 + (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
    };
    const StatusRange range{number(0), number(4)};
    if (range.first < 400 || range.last > 599 || range.first > range.last) fail_setting(field, expected);
    return range;
}

}  // namespace

// ---- RetryPolicy -------------------------------------------------------------------------------

bool operator==(const StatusRange& a, const StatusRange& b) { return a.first == b.first && a.last == b.last; }

bool operator==(const RetryPolicy& a, const RetryPolicy& b) {
    return a.name == b.name && a.max_attempts == b.max_attempts && a.delays_ms == b.delays_ms &&
           a.retry_after_cap_ms == b.retry_after_cap_ms && a.attempt_timeout_ms == b.attempt_timeout_ms &&
           a.retry_statuses == b.retry_statuses && a.retry_network_errors == b.retry_network_errors;
}
bool operator!=(const RetryPolicy& a, const RetryPolicy& b) { return !(a == b); }

RetryPolicy RetryPolicy::leanplum() { return RetryPolicy{}; }

RetryPolicy RetryPolicy::interactive() {
    RetryPolicy policy;
    policy.name = "interactive";
    policy.max_attempts = 3;
    policy.delays_ms = {1000, 2000};
    policy.retry_after_cap_ms = 10000;
    policy.attempt_timeout_ms = 10000;
    return policy;
}

RetryPolicy RetryPolicy::preset(std::string_view name) {
    if (name == "leanplum") return leanplum();
    if (name == "interactive") return interactive();
    fail_config({"unknown retry policy '", name, "' (expected leanplum or interactive)"}, {"retry"});
}

namespace detail {

RetryPolicy retry_policy_from_view(const JsonView& value) {
    using Policy = RetryPolicy;
    if (value.is_string()) return Policy::preset(value.string());
    if (!value.is_object()) {
        fail_config({"retry must be a policy name (\"leanplum\", \"interactive\") or an object"}, {"retry"});
    }

    RetryPolicy policy;
    if (const auto preset_entry = value.find("preset")) {
        if (!preset_entry->is_string()) {
            fail_config({"retry.preset must be \"leanplum\" or \"interactive\""}, {"retry.preset"});
        }
        const auto& preset_name = preset_entry->string();
        if (preset_name != "leanplum" && preset_name != "interactive") {
            fail_config({"unknown retry.preset '", preset_name, "' (expected leanplum or interactive)"}, {"retry.preset"});
        }
        policy = Policy::preset(preset_name);
    }

    // Members in key order (as when configs were parsed into a std::map): of several faulty
    // members, the same one is reported whatever their order in the text. The known settings
    // are read in that order, and the smallest unknown key takes its turn among them (keys are
    // distinct: a repeated one kept its last value), without sorting the members.
    static const char* const settings[] = {"attemptTimeoutMs", "delaysMs", "maxAttempts", "preset",
                                           "retryAfterCapMs", "retryNetworkErrors", "retryStatuses"};
    const std::string* unknown = nullptr;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string& key = value[i].key();
        const bool known = std::find(std::begin(settings), std::end(settings), std::string_view(key)) != std::end(settings);
        if (!known && (!unknown || key < *unknown)) unknown = &key;
    }
    for (const char* const setting : settings) {
        if (unknown && std::string_view(*unknown) < setting) break;
        const auto found = value.find(setting);
        if (!found) continue;
        const JsonView& member = *found;
        const std::string_view key = setting;
        if (key == "preset") {
            continue;
        } else if (key == "maxAttempts") {
            policy.max_attempts = int(read_integer(member, {"retry.", key}, 1, max_attempts_limit, ""));
        } else if (key == "delaysMs") {
            if (!member.is_array() || member.size() == 0 || member.size() > max_delay_entries) {
                fail_config({"retry.", key, " must be a list of 1 to ", max_delay_entries, " delays in milliseconds"},
                            {"retry.", key});
            }
            policy.delays_ms.clear();
            for (std::size_t i = 0; i < member.size(); ++i) {
                policy.delays_ms.push_back(
                    read_integer(member[i], {"retry.", Indexed{key, i}}, 0, one_day_ms, " ms (24 h)"));
            }
        } else if (key == "retryAfterCapMs") {
            policy.retry_after_cap_ms = read_integer(member, {"retry.", key}, 0, one_day_ms, " ms (24 h)");
        } else if (key == "attemptTimeoutMs") {
            policy.attempt_timeout_ms = read_integer(member, {"retry.", key}, 1, one_day_ms, " ms (24 h)");
        } else if (key == "retryStatuses") {
            if (!member.is_array() || member.size() > 200) {
                fail_setting({"retry.", key}, " must be a list of statuses (408) or ranges (\"500-599\")");
            }
            policy.retry_statuses.clear();
            for (std::size_t i = 0; i < member.size(); ++i) {
                policy.retry_statuses.push_back(read_status_range(member[i], {"retry.", Indexed{key, i}}));
            }
        } else if (key == "retryNetworkErrors") {
            if (!member.is_boolean()) fail_setting({"retry.", key}, " must be true or false");
            policy.retry_network_errors = member.boolean();
        }
    }
    if (unknown) {
        fail_config({"unknown retry setting '", *unknown,
                     "' (expected preset, maxAttempts, delaysMs, retryAfterCapMs, attemptTimeoutMs, retryStatuses, "
                     "retryNetworkErrors)"}, {"retry.", *unknown});
    }
    // The name describes the values, whichever preset they started from.
    policy.name = "custom";
    for (const RetryPolicy& candidate : {Policy::leanplum(), Policy::interactive()}) {
        policy.name = candidate.name;
        if (policy == candidate) return policy;
    }
    policy.name = "custom";
    return policy;
}

void add_retry_policy(JsonDocument& out, std::size_t parent, std::string_view key, const RetryPolicy& policy) {
    const std::size_t object = out.add(parent, JsonType::object, key);
    // Keys in sorted order: the JSON text is the same as when this was a std::map-based json.
    out.add_integer(object, "attemptTimeoutMs", policy.attempt_timeout_ms);
    const std::size_t delays = out.add(object, JsonType::array, "delaysMs");
    for (const std::int64_t delay : policy.delays_ms) out.add_integer(delays, {}, delay);
    out.add_integer(object, "maxAttempts", policy.max_attempts);
    if (policy.name == "leanplum" || policy.name == "interactive") out.add_string(object, "preset", policy.name);
    out.add_integer(object, "retryAfterCapMs", policy.retry_after_cap_ms);
    out.add_boolean(object, "retryNetworkErrors", policy.retry_network_errors);
    const std::size_t statuses = out.add(object, JsonType::array, "retryStatuses");
    for (const StatusRange& range : policy.retry_statuses) {
        if (range.first == range.last) out.add_integer(statuses, {}, range.first);
        else out.add_string(statuses, {}, std::to_string(range.first) + "-" + std::to_string(range.last));
    }
}

std::string retry_policy_json_text(const RetryPolicy& policy) {
    JsonDocument out;
    add_retry_policy(out, JsonDocument::none, {}, policy);
    return out.dump();
}

RetryPolicy retry_policy_from_json_text(std::string_view text) {
    const JsonDocument document = JsonDocument::parse(text);
    return retry_policy_from_view(JsonView(document, document.root()));
}

}  // namespace detail

bool RetryPolicy::is_retryable_status(int status) const {
    return std::any_of(retry_statuses.begin(), retry_statuses.end(),
                       [status](const StatusRange& range) { return status >= range.first && status <= range.last; });
}

std::int64_t RetryPolicy::delay_after_attempt_ms(int attempts_made) const {
    if (delays_ms.empty()) return 0;
    const std::size_t index = std::size_t(std::max(attempts_made, 1) - 1);
    return delays_ms[std::min(index, delays_ms.size() - 1)];
}

// ---- The state machine -------------------------------------------------------------------------

std::optional<std::int64_t> parse_retry_after_seconds(std::string_view header, std::int64_t now_unix_seconds) {
    const std::string_view text = trim_whitespace(header);
    if (text.empty()) return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t seconds = 0;
        for (char c : text) {
            seconds = seconds * 10 + (c - '0');
            if (seconds > max_retry_after_seconds) return max_retry_after_seconds;  // saturate
        }
        return seconds;
    }
    const auto date = parse_http_date(text, now_unix_seconds);
    if (!date) return std::nullopt;
    return std::min(std::max<std::int64_t>(*date - now_unix_seconds, 0), max_retry_after_seconds);
}

RetryDecision next_retry(const RetryPolicy& policy, int attempts_made, const AttemptOutcome& outcome,
                         std::int64_t now_unix_seconds) {
    attempts_made = std::max(attempts_made, 1);
    RetryDecision decision;

    bool retryable = false;
    if (outcome.kind == AttemptOutcome::response) {
        const int status = outcome.status;
        if (status >= 200 && status <= 299) {
            decision.success = true;
            decision.reason = "success";
            return decision;
        }
        if (status == 0) {
            // A browser's opaqueredirect (fetch with redirect: 'manual') hides the 3xx status.
            decision.reason = "redirect, not followed";
            return decision;
        }
        if (status >= 300 && status <= 399) {
            decision.reason = "redirect " + std::to_string(status) + ", not followed";
            return decision;
        }
        retryable = policy.is_retryable_status(status);
        if (!retryable) {
            decision.reason = "status " + std::to_string(status) + " is final";
            return decision;
        }
    } else {
        retryable = policy.retry_network_errors;
        if (!retryable) {
            decision.reason = status_text(outcome) + " (not retried by this policy)";
            return decision;
        }
    }

    if (attempts_made >= policy.max_attempts) {
        decision.reason = "gave up after " + std::to_string(attempts_made) +
                          (attempts_made == 1 ? " attempt" : " attempts") + " (last: " + status_text(outcome) + ")";
        return decision;
    }

    decision.retry = true;
    decision.delay_ms = policy.delay_after_attempt_ms(attempts_made);
    decision.reason = outcome.kind == AttemptOutcome::response ? status_text(outcome) + " is retryable"
                                                               : status_text(outcome);
    if (outcome.kind == AttemptOutcome::response && outcome.retry_after) {
        const auto seconds = parse_retry_after_seconds(*outcome.retry_after, now_unix_seconds);
        if (!seconds) {
            decision.reason += "; Retry-After ignored (neither seconds nor an HTTP date)";
        } else {
            const std::int64_t requested_ms = *seconds * 1000;
            decision.delay_ms = std::min(requested_ms, policy.retry_after_cap_ms);
            decision.reason += "; Retry-After: " + seconds_text(requested_ms);
            if (requested_ms > policy.retry_after_cap_ms) {
                decision.reason += " (capped at " + seconds_text(policy.retry_after_cap_ms) + ")";
            }
        }
    }
    return decision;
}

}  // namespace hooksmith
