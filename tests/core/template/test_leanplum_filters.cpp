// The Leanplum date filters through the public template API (docs/dates.md). Expected values are
// the same Python-generated / Jinjava vectors as test_datetime.cpp, which tests the library below.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/error.hpp"
#include "hooksmith/template.hpp"

namespace {

const char* const date_context = R"({
    "ms": 1709634030123,
    "iso": "2024-03-05T10:20:30.123Z",
    "iso_offset": "2024-03-05T10:20:30+05:30",
    "jan31": "2024-01-31T10:00:00Z",
    "begin": 1543354954000,
    "one_day_later": 1543441354000,
    "two_months_later": 1548668554000,
    "added": 1543352736000,
    "paris": "Europe/Paris",
    "bad_date": "2024-02-30"
})";

std::string render(const char* source, const char* context_json = date_context) {
    return hooksmith::Template::compile(source).render(
        hooksmith::Context::from_json_text(context_json));
}

// The error a template raises when rendered (compiling must succeed: these are data errors).
hooksmith::Error render_error(const char* source, const char* context_json = date_context) {
    const hooksmith::Template compiled = hooksmith::Template::compile(source);
    try {
        compiled.render(hooksmith::Context::from_json_text(context_json));
    } catch (const hooksmith::Error& error) {
        return error;
    }
    return hooksmith::Error(hooksmith::ErrorKind::input, "<no error>");
}

}  // namespace

using Catch::Matchers::Contains;

TEST_CASE("datetimeformat formats epoch ms and ISO strings", "[datetime][leanplum]") {
    CHECK(render("{{ ms | datetimeformat('%Y') }}") == "2024");
    CHECK(render("{{ iso | datetimeformat('%Y-%m-%d %H:%M:%S.%f') }}") == "2024-03-05 10:20:30.123000");
    CHECK(render("{{ iso_offset | datetimeformat('%H:%M %z') }}") == "04:50 +0000");
    // Default format is Jinjava's '%H:%M / %d-%m-%Y' in UTC.
    CHECK(render("{{ ms | datetimeformat }}") == "10:20 / 05-03-2024");
    CHECK(render("{{ ms | datetimeformat() }}") == "10:20 / 05-03-2024");
    // `date` is an alias.
    CHECK(render("{{ ms | date('%A %e %B') }}") == "Tuesday  5 March");
    CHECK(render("{{ 1709634030123 | datetimeformat('%c') }}") == "Tue Mar  5 10:20:30 2024");
    CHECK(render("{{ '1969-07-20T20:17:40Z' | datetimeformat('%a %j %U %W %I %p') }}") ==
          "Sun 201 29 28 08 PM");
    CHECK(render("{{ ms | datetimeformat(format='%-d/%-m/%y') }}") == "5/3/24");
}

TEST_CASE("datetimeformat time zones", "[datetime][leanplum]") {
    // Python: datetime(2024,3,5,10,20,30,123000,tzinfo=timezone.utc).astimezone(timezone(timedelta(minutes=330)))
    CHECK(render("{{ ms | datetimeformat('%H:%M %z %Z', '+05:30') }}") == "15:50 +0530 UTC+05:30");
    CHECK(render("{{ ms | datetimeformat('%H:%M %z %Z', tz='-03:30') }}") == "06:50 -0330 UTC-03:30");
    CHECK(render("{{ ms | datetimeformat('%H:%M %Z', tz='UTC') }}") == "10:20 UTC");
    CHECK(render("{{ ms | datetimeformat('%Y-%m-%d', tz='+14:00') }}") == "2024-03-06");
    // Jinjava DateTimeFormatFilterTest vectors.
    CHECK(render("{{ 1539277785000 | datetimeformat('%B %d, %Y, at %I:%M %p') }}") ==
          "October 11, 2018, at 05:09 PM");
    CHECK(render("{{ 1539277785000 | datetimeformat('%B %d, %Y, at %I:%M %p', 'UTC+8') }}") ==
          "October 12, 2018, at 01:09 AM");
}

TEST_CASE("unixtimestamp gives epoch milliseconds", "[datetime][leanplum]") {
    CHECK(render("{{ iso | unixtimestamp }}") == "1709634030123");
    CHECK(render("{{ iso_offset | unixtimestamp }}") == "1709614230000");
    CHECK(render("{{ ms | unixtimestamp }}") == "1709634030123");
    CHECK(render("{{ '1969-12-31T23:59:59.999Z' | unixtimestamp }}") == "-1");
    CHECK(render("{{ (iso | unixtimestamp) + 1 }}") == "1709634030124");  // an integer, not text
}

TEST_CASE("plus_time and minus_time", "[datetime][leanplum]") {
    // Jinjava PlusTimeFilterTest vectors.
    CHECK(render("{{ added | plus_time(1, 'days') | unixtimestamp }}") == "1543439136000");
    CHECK(render("{{ added | plus_time(1, 'hours') | unixtimestamp }}") == "1543356336000");
    CHECK(render("{{ added | plus_time(1, 'minutes') | unixtimestamp }}") == "1543352796000");
    CHECK(render("{{ added | plus_time(1, 'seconds') | unixtimestamp }}") == "1543352737000");
    CHECK(render("{{ added | plus_time(1, 'months') | unixtimestamp }}") == "1545944736000");
    // Month-end clamping, both ways.
    CHECK(render("{{ jan31 | plus_time(1, 'months') | datetimeformat('%Y-%m-%d %H:%M') }}") ==
          "2024-02-29 10:00");
    CHECK(render("{{ '2024-03-31' | minus_time(1, 'months') | datetimeformat('%Y-%m-%d') }}") ==
          "2024-02-29");
    CHECK(render("{{ '2024-02-29' | plus_time(1, 'year') | datetimeformat('%Y-%m-%d') }}") ==
          "2025-02-28");
    CHECK(render("{{ iso | minus_time(2, 'weeks') | datetimeformat('%Y-%m-%d') }}") == "2024-02-20");
    CHECK(render("{{ iso | plus_time(-3, 'days') | datetimeformat('%d') }}") == "02");
    CHECK(render("{{ ms | plus_time(90, 'minutes') | datetimeformat('%H:%M', tz='+05:30') }}") == "17:20");
}

TEST_CASE("plus_time printed directly looks like Jinjava's PyishDate", "[datetime][leanplum]") {
    // Jinjava returns a date object whose toString is 'yyyy-MM-dd HH:mm:ss' (UTC).
    CHECK(render("{{ added | plus_time(1, 'days') }}") == "2018-11-28 21:05:36");
}

TEST_CASE("between_times", "[datetime][leanplum]") {
    // Jinjava BetweenTimesFilterTest vectors.
    CHECK(render("{{ begin | between_times(one_day_later, 'days') }}") == "1");
    CHECK(render("{{ begin | between_times(one_day_later, 'hours') }}") == "24");
    CHECK(render("{{ begin | between_times(one_day_later, 'minutes') }}") == "1440");
    CHECK(render("{{ begin | between_times(one_day_later, 'seconds') }}") == "86400");
    CHECK(render("{{ begin | between_times(two_months_later, 'months') }}") == "2");
    CHECK(render("{{ one_day_later | between_times(begin, 'days') }}") == "-1");
    CHECK(render("{{ jan31 | between_times('2024-02-29T10:00Z', 'months') }}") == "0");
    CHECK(render("{{ jan31 | between_times('2024-03-31T10:00Z', 'month') }}") == "2");
    CHECK(render("{{ '2020-02-29' | between_times('2024-02-29', 'years') }}") == "4");
    CHECK(render("{{ '2024-03-14' | between_times('2024-03-01', 'weeks') }}") == "-1");
    CHECK(render("{% if iso | between_times('2024-03-06', 'hours') > 12 %}soon{% endif %}") == "soon");
}

TEST_CASE("date filter errors are render errors with a position", "[datetime][leanplum]") {
    struct Case {
        const char* source;
        const char* message_part;
    };
    const Case cases[] = {
        {"{{ ms | datetimeformat('%H', 'Europe/Paris') }}", "Europe/Paris"},
        {"{{ ms | datetimeformat('%H', tz=paris) }}", "named zones"},
        {"{{ bad_date | datetimeformat('%Y') }}", "February 2024 has 29 days"},
        {"{{ 'tomorrow' | unixtimestamp }}", "'tomorrow'"},
        {"{{ ms | datetimeformat('%Q') }}", "'%Q'"},
        {"{{ ms | datetimeformat('yyyy-MM-dd') }}", "Java patterns"},
        {"{{ ms | plus_time(1, 'parsec') }}", "'parsec'"},
        {"{{ ms | minus_time(1, 'fortnights') }}", "unknown time unit"},
        {"{{ ms | between_times(iso, 'decades') }}", "unknown time unit"},
        {"{{ ms | plus_time(9999999999, 'years') }}", "leaves the supported dates"},
        {"{{ 253402300800000 | datetimeformat('%Y') }}", "years 0001-9999"},
    };
    for (const Case& c : cases) {
        INFO(c.source);
        const hooksmith::Error error = render_error(c.source);
        CHECK(error.kind == hooksmith::ErrorKind::render);
        CHECK_THAT(error.message, Contains(c.message_part));
        CHECK(error.line == 1);
        CHECK(error.column > 0);
    }
}
