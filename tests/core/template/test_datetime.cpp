// Tests of the pure date/time library behind the date filters (docs/dates.md).
// Expected strftime outputs and epoch values come from CPython 3.11's datetime (glibc strftime,
// fixed-offset `timezone`), produced by the generator scripts quoted above each table; vectors
// marked "Jinjava" are copied from HubSpot/jinjava's own filter tests.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "template/datetime.hpp"

namespace dt = hooksmith::datetime;
using Catch::Matchers::Contains;

namespace {

// The message of the std::invalid_argument thrown by `action`, or a marker if none was thrown.
template <typename Action>
std::string error_of(Action action) {
    try {
        action();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "<no error>";
}

std::int64_t iso(const char* text) { return dt::parse_iso8601(text); }

struct FormatCase {
    std::int64_t epoch_ms;
    int offset_minutes;
    const char* expected;
};

}  // namespace

TEST_CASE("parse_iso8601 accepts the documented forms", "[datetime]") {
    // python3 - <<'PY'
    // from datetime import datetime, timezone, timedelta
    // E = datetime(1970, 1, 1, tzinfo=timezone.utc); tz = lambda m: timezone(timedelta(minutes=m))
    // for text, d in [('2024-03-05T10:20:30+05:30', datetime(2024,3,5,10,20,30,tzinfo=tz(330))), ...]:
    //     print('{"%s", %dLL},' % (text, (d - E) // timedelta(milliseconds=1)))
    // PY
    struct Case {
        const char* text;
        std::int64_t expected;
    };
    const Case cases[] = {
        {"1970-01-01", 0LL},
        {"2024-03-05", 1709596800000LL},
        {"2024-03-05T10:20", 1709634000000LL},
        {"2024-03-05T10:20:30", 1709634030000LL},
        {"2024-03-05 10:20:30", 1709634030000LL},
        {"2024-03-05t10:20:30z", 1709634030000LL},
        {"2024-03-05T10:20:30.1", 1709634030100LL},
        {"2024-03-05T10:20:30.12", 1709634030120LL},
        {"2024-03-05T10:20:30.123Z", 1709634030123LL},
        {"2024-03-05T10:20:30.123999999Z", 1709634030123LL},  // truncated, not rounded
        {"2024-03-05T10:20:30+05:30", 1709614230000LL},
        {"2024-03-05T10:20:30.5-0800", 1709662830500LL},
        {"2024-03-05T10:20-03", 1709644800000LL},
        {"2024-03-05T10:20:30+00:00", 1709634030000LL},
        {"2024-02-29T23:59:59.999", 1709251199999LL},
        {"2000-02-29", 951782400000LL},
        {"1969-12-31T23:59:59.999Z", -1LL},
        {"1969-07-20T20:17:40Z", -14182940000LL},
        {"1900-03-01", -2203891200000LL},
        {"1600-02-29T12:00:00Z", -11670955200000LL},
        {"0001-01-01T00:00:00Z", -62135596800000LL},
        {"0001-01-01T05:00+05:00", -62135596800000LL},
        {"9999-12-31T23:59:59.999Z", 253402300799999LL},
        {"  2024-03-05T10:20:30Z\n", 1709634030000LL},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(dt::parse_iso8601(c.text) == c.expected);
    }
    CHECK(dt::parse_iso8601("0001-01-01") == dt::min_epoch_ms);
    CHECK(dt::parse_iso8601("9999-12-31T23:59:59.999") == dt::max_epoch_ms);
}

TEST_CASE("parse_iso8601 knows the leap years", "[datetime]") {
    CHECK(iso("2000-02-29") + 86400000 == iso("2000-03-01"));
    CHECK(iso("2400-02-29") + 86400000 == iso("2400-03-01"));
    CHECK(iso("2024-02-29") + 86400000 == iso("2024-03-01"));
    CHECK(iso("1900-02-28") + 86400000 == iso("1900-03-01"));
    CHECK(iso("2023-02-28") + 86400000 == iso("2023-03-01"));
    for (const char* not_a_day : {"1900-02-29", "2100-02-29", "2023-02-29", "0001-02-29"}) {
        INFO(not_a_day);
        CHECK_THAT(error_of([&] { iso(not_a_day); }), Contains("has 28 days"));
    }
    CHECK(dt::format(iso("2024-12-31"), "%j", 0) == "366");
    CHECK(dt::format(iso("2023-12-31"), "%j", 0) == "365");
}

TEST_CASE("parse_iso8601 rejects malformed and impossible dates", "[datetime]") {
    struct Case {
        const char* text;
        const char* message_part;
    };
    const Case cases[] = {
        {"", "it is empty"},
        {"   ", "it is empty"},
        {"2024", "YYYY-MM-DD"},
        {"2024-3-05", "YYYY-MM-DD"},
        {"2024/03/05", "YYYY-MM-DD"},
        {"24-03-05", "YYYY-MM-DD"},
        {"abc", "YYYY-MM-DD"},
        {"+2024-03-05", "YYYY-MM-DD"},
        {"2024-13-01", "month 13 is not between 1 and 12"},
        {"2024-00-10", "month 0 is not between 1 and 12"},
        {"0000-01-01", "year 0 is not between 1 and 9999"},
        {"2024-02-30", "February 2024 has 29 days, there is no day 30"},
        {"2024-04-31", "April 2024 has 30 days"},
        {"2024-01-00", "there is no day 0"},
        {"2024-03-05T24:00", "hour 24 is not between 0 and 23"},
        {"2024-03-05T10:60", "minute 60"},
        {"2024-03-05T10:20:60", "second 60"},
        {"2024-03-05T10", "HH:MM"},
        {"2024-03-05T1:20", "HH:MM"},
        {"2024-03-05T", "HH:MM"},
        {"2024-03-05T10:20:3", "seconds must be two digits"},
        {"2024-03-05T10:20:30.", "needs digits"},
        {"2024-03-05X10:20", "followed by 'T' or a space"},
        {"2024-03-05Z", "followed by 'T' or a space"},
        {"2024-03-05T10:20:30Zjunk", "unexpected 'Zjunk'"},
        {"2024-03-05T10:20:30 +01:00", "unexpected ' +01:00'"},
        {"2024-03-05T10:20:30+5", "unexpected '+5'"},
        {"2024-03-05T10:20:30+05:", "unexpected '+05:'"},
        {"2024-03-05T10:20+19:00", "out of range"},
        {"2024-03-05T10:20+05:60", "out of range"},
        {"0001-01-01T00:00+00:01", "outside years 0001-9999"},
        {"9999-12-31T23:59-00:01", "outside years 0001-9999"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const std::string message = error_of([&] { iso(c.text); });
        CHECK_THAT(message, Contains(c.message_part));
        if (std::string(c.message_part) != "out of range") {
            CHECK_THAT(message, Contains("accepted: ISO-8601"));
        }
    }
    // What was given is echoed, but a long value is cut short.
    CHECK_THAT(error_of([] { iso("2024-02-30"); }), Contains("'2024-02-30'"));
    const std::string long_text(5000, '9');
    const std::string message = error_of([&] { dt::parse_iso8601(long_text); });
    CHECK_THAT(message, Contains("...'"));
    CHECK(message.size() < 400);
    // The cut never splits a UTF-8 character: 39 ASCII bytes then 'é' (2 bytes) straddle byte 40.
    const std::string accented = std::string(39, 'x') + "\xC3\xA9" + "tail";
    CHECK_THAT(error_of([&] { dt::parse_iso8601(accented); }), Contains("'" + std::string(39, 'x') + "...'"));
    const std::string fits = std::string(38, 'x') + "\xC3\xA9" + "tail";
    CHECK_THAT(error_of([&] { dt::parse_iso8601(fits); }), Contains(std::string(38, 'x') + "\xC3\xA9..."));
}

TEST_CASE("parse_tz_offset_minutes reads UTC and fixed offsets", "[datetime]") {
    CHECK(dt::parse_tz_offset_minutes("UTC") == 0);
    CHECK(dt::parse_tz_offset_minutes("utc") == 0);  // Jinjava's documented default spelling
    CHECK(dt::parse_tz_offset_minutes("Z") == 0);
    CHECK(dt::parse_tz_offset_minutes("GMT") == 0);
    CHECK(dt::parse_tz_offset_minutes("+00:00") == 0);
    CHECK(dt::parse_tz_offset_minutes("-00:00") == 0);
    CHECK(dt::parse_tz_offset_minutes("+05:30") == 330);
    CHECK(dt::parse_tz_offset_minutes("+0530") == 330);
    CHECK(dt::parse_tz_offset_minutes("-08:00") == -480);
    CHECK(dt::parse_tz_offset_minutes("-0800") == -480);
    CHECK(dt::parse_tz_offset_minutes("-03") == -180);
    CHECK(dt::parse_tz_offset_minutes("+8") == 480);
    CHECK(dt::parse_tz_offset_minutes("UTC+8") == 480);  // Jinjava test vector spelling
    CHECK(dt::parse_tz_offset_minutes("UTC-03:30") == -210);
    CHECK(dt::parse_tz_offset_minutes("GMT+01:00") == 60);
    CHECK(dt::parse_tz_offset_minutes("+18:00") == 1080);
    CHECK(dt::parse_tz_offset_minutes("-18:00") == -1080);
    CHECK(dt::parse_tz_offset_minutes(" +05:45 ") == 345);
}

TEST_CASE("parse_tz_offset_minutes rejects named zones and bad offsets", "[datetime]") {
    for (const char* named : {"Europe/Paris", "America/New_York", "EST", "PST8PDT", "Not a timezone"}) {
        INFO(named);
        const std::string message = error_of([&] { dt::parse_tz_offset_minutes(named); });
        CHECK_THAT(message, Contains("unknown time zone '" + std::string(named) + "'"));
        CHECK_THAT(message, Contains("named zones"));
        CHECK_THAT(message, Contains("'+05:30'"));
    }
    CHECK_THAT(error_of([] { dt::parse_tz_offset_minutes(""); }), Contains("empty"));
    CHECK_THAT(error_of([] { dt::parse_tz_offset_minutes("+19:00"); }), Contains("out of range"));
    CHECK_THAT(error_of([] { dt::parse_tz_offset_minutes("+18:01"); }), Contains("out of range"));
    CHECK_THAT(error_of([] { dt::parse_tz_offset_minutes("+05:60"); }), Contains("out of range"));
    for (const char* bad : {"UTC+", "+", "+5:30", "+05:3", "+05:", "+053", "05:30", "UTCx", "+05:30Z"}) {
        INFO(bad);
        CHECK_THAT(error_of([&] { dt::parse_tz_offset_minutes(bad); }), Contains("unknown time zone"));
    }
}

TEST_CASE("format matches Python's strftime for every directive", "[datetime]") {
    // python3 - <<'PY'
    // from datetime import datetime, timezone, timedelta
    // E = datetime(1970, 1, 1, tzinfo=timezone.utc)
    // F = '%a %A %w %d %e %b %B %m %y %Y %H %I %k %l %p %M %S %f %z %Z %j %U %W %c %x %X %%'
    // for d in [<the instants below, as UTC datetimes>]:
    //     for off in [0, 330, -210, 840, -720, 60]:
    //         try: local = d.astimezone(timezone(timedelta(minutes=off)))
    //         except OverflowError: continue
    //         print('{%dLL, %d, "%s"},' % ((d - E) // timedelta(milliseconds=1), off, local.strftime(F)))
    // PY
    const char* all_directives =
        "%a %A %w %d %e %b %B %m %y %Y %H %I %k %l %p %M %S %f %z %Z %j %U %W %c %x %X %%";
    const FormatCase cases[] = {
        {1709634030123LL, 0, "Tue Tuesday 2 05  5 Mar March 03 24 2024 10 10 10 10 AM 20 30 123000 +0000 UTC 065 09 10 Tue Mar  5 10:20:30 2024 03/05/24 10:20:30 %"},
        {1709634030123LL, 330, "Tue Tuesday 2 05  5 Mar March 03 24 2024 15 03 15  3 PM 50 30 123000 +0530 UTC+05:30 065 09 10 Tue Mar  5 15:50:30 2024 03/05/24 15:50:30 %"},
        {1709634030123LL, -210, "Tue Tuesday 2 05  5 Mar March 03 24 2024 06 06  6  6 AM 50 30 123000 -0330 UTC-03:30 065 09 10 Tue Mar  5 06:50:30 2024 03/05/24 06:50:30 %"},
        {1709634030123LL, 840, "Wed Wednesday 3 06  6 Mar March 03 24 2024 00 12  0 12 AM 20 30 123000 +1400 UTC+14:00 066 09 10 Wed Mar  6 00:20:30 2024 03/06/24 00:20:30 %"},
        {1709634030123LL, -720, "Mon Monday 1 04  4 Mar March 03 24 2024 22 10 22 10 PM 20 30 123000 -1200 UTC-12:00 064 09 10 Mon Mar  4 22:20:30 2024 03/04/24 22:20:30 %"},
        {1709634030123LL, 60, "Tue Tuesday 2 05  5 Mar March 03 24 2024 11 11 11 11 AM 20 30 123000 +0100 UTC+01:00 065 09 10 Tue Mar  5 11:20:30 2024 03/05/24 11:20:30 %"},
        {-14182940000LL, 0, "Sun Sunday 0 20 20 Jul July 07 69 1969 20 08 20  8 PM 17 40 000000 +0000 UTC 201 29 28 Sun Jul 20 20:17:40 1969 07/20/69 20:17:40 %"},
        {-14182940000LL, 330, "Mon Monday 1 21 21 Jul July 07 69 1969 01 01  1  1 AM 47 40 000000 +0530 UTC+05:30 202 29 29 Mon Jul 21 01:47:40 1969 07/21/69 01:47:40 %"},
        {-14182940000LL, -210, "Sun Sunday 0 20 20 Jul July 07 69 1969 16 04 16  4 PM 47 40 000000 -0330 UTC-03:30 201 29 28 Sun Jul 20 16:47:40 1969 07/20/69 16:47:40 %"},
        {-14182940000LL, 840, "Mon Monday 1 21 21 Jul July 07 69 1969 10 10 10 10 AM 17 40 000000 +1400 UTC+14:00 202 29 29 Mon Jul 21 10:17:40 1969 07/21/69 10:17:40 %"},
        {-14182940000LL, -720, "Sun Sunday 0 20 20 Jul July 07 69 1969 08 08  8  8 AM 17 40 000000 -1200 UTC-12:00 201 29 28 Sun Jul 20 08:17:40 1969 07/20/69 08:17:40 %"},
        {-14182940000LL, 60, "Sun Sunday 0 20 20 Jul July 07 69 1969 21 09 21  9 PM 17 40 000000 +0100 UTC+01:00 201 29 28 Sun Jul 20 21:17:40 1969 07/20/69 21:17:40 %"},
        {-1LL, 0, "Wed Wednesday 3 31 31 Dec December 12 69 1969 23 11 23 11 PM 59 59 999000 +0000 UTC 365 52 52 Wed Dec 31 23:59:59 1969 12/31/69 23:59:59 %"},
        {-1LL, 330, "Thu Thursday 4 01  1 Jan January 01 70 1970 05 05  5  5 AM 29 59 999000 +0530 UTC+05:30 001 00 00 Thu Jan  1 05:29:59 1970 01/01/70 05:29:59 %"},
        {-1LL, -210, "Wed Wednesday 3 31 31 Dec December 12 69 1969 20 08 20  8 PM 29 59 999000 -0330 UTC-03:30 365 52 52 Wed Dec 31 20:29:59 1969 12/31/69 20:29:59 %"},
        {-1LL, 840, "Thu Thursday 4 01  1 Jan January 01 70 1970 13 01 13  1 PM 59 59 999000 +1400 UTC+14:00 001 00 00 Thu Jan  1 13:59:59 1970 01/01/70 13:59:59 %"},
        {-1LL, -720, "Wed Wednesday 3 31 31 Dec December 12 69 1969 11 11 11 11 AM 59 59 999000 -1200 UTC-12:00 365 52 52 Wed Dec 31 11:59:59 1969 12/31/69 11:59:59 %"},
        {-1LL, 60, "Thu Thursday 4 01  1 Jan January 01 70 1970 00 12  0 12 AM 59 59 999000 +0100 UTC+01:00 001 00 00 Thu Jan  1 00:59:59 1970 01/01/70 00:59:59 %"},
        {946684800000LL, 0, "Sat Saturday 6 01  1 Jan January 01 00 2000 00 12  0 12 AM 00 00 000000 +0000 UTC 001 00 00 Sat Jan  1 00:00:00 2000 01/01/00 00:00:00 %"},
        {946684800000LL, 330, "Sat Saturday 6 01  1 Jan January 01 00 2000 05 05  5  5 AM 30 00 000000 +0530 UTC+05:30 001 00 00 Sat Jan  1 05:30:00 2000 01/01/00 05:30:00 %"},
        {946684800000LL, -210, "Fri Friday 5 31 31 Dec December 12 99 1999 20 08 20  8 PM 30 00 000000 -0330 UTC-03:30 365 52 52 Fri Dec 31 20:30:00 1999 12/31/99 20:30:00 %"},
        {946684800000LL, 840, "Sat Saturday 6 01  1 Jan January 01 00 2000 14 02 14  2 PM 00 00 000000 +1400 UTC+14:00 001 00 00 Sat Jan  1 14:00:00 2000 01/01/00 14:00:00 %"},
        {946684800000LL, -720, "Fri Friday 5 31 31 Dec December 12 99 1999 12 12 12 12 PM 00 00 000000 -1200 UTC-12:00 365 52 52 Fri Dec 31 12:00:00 1999 12/31/99 12:00:00 %"},
        {946684800000LL, 60, "Sat Saturday 6 01  1 Jan January 01 00 2000 01 01  1  1 AM 00 00 000000 +0100 UTC+01:00 001 00 00 Sat Jan  1 01:00:00 2000 01/01/00 01:00:00 %"},
        {1704067199999LL, 0, "Sun Sunday 0 31 31 Dec December 12 23 2023 23 11 23 11 PM 59 59 999000 +0000 UTC 365 53 52 Sun Dec 31 23:59:59 2023 12/31/23 23:59:59 %"},
        {1704067199999LL, 330, "Mon Monday 1 01  1 Jan January 01 24 2024 05 05  5  5 AM 29 59 999000 +0530 UTC+05:30 001 00 01 Mon Jan  1 05:29:59 2024 01/01/24 05:29:59 %"},
        {1704067199999LL, -210, "Sun Sunday 0 31 31 Dec December 12 23 2023 20 08 20  8 PM 29 59 999000 -0330 UTC-03:30 365 53 52 Sun Dec 31 20:29:59 2023 12/31/23 20:29:59 %"},
        {1704067199999LL, 840, "Mon Monday 1 01  1 Jan January 01 24 2024 13 01 13  1 PM 59 59 999000 +1400 UTC+14:00 001 00 01 Mon Jan  1 13:59:59 2024 01/01/24 13:59:59 %"},
        {1704067199999LL, -720, "Sun Sunday 0 31 31 Dec December 12 23 2023 11 11 11 11 AM 59 59 999000 -1200 UTC-12:00 365 53 52 Sun Dec 31 11:59:59 2023 12/31/23 11:59:59 %"},
        {1704067199999LL, 60, "Mon Monday 1 01  1 Jan January 01 24 2024 00 12  0 12 AM 59 59 999000 +0100 UTC+01:00 001 00 01 Mon Jan  1 00:59:59 2024 01/01/24 00:59:59 %"},
        {1735560000000LL, 0, "Mon Monday 1 30 30 Dec December 12 24 2024 12 12 12 12 PM 00 00 000000 +0000 UTC 365 52 53 Mon Dec 30 12:00:00 2024 12/30/24 12:00:00 %"},
        {1735560000000LL, 330, "Mon Monday 1 30 30 Dec December 12 24 2024 17 05 17  5 PM 30 00 000000 +0530 UTC+05:30 365 52 53 Mon Dec 30 17:30:00 2024 12/30/24 17:30:00 %"},
        {1735560000000LL, -210, "Mon Monday 1 30 30 Dec December 12 24 2024 08 08  8  8 AM 30 00 000000 -0330 UTC-03:30 365 52 53 Mon Dec 30 08:30:00 2024 12/30/24 08:30:00 %"},
        {1735560000000LL, 840, "Tue Tuesday 2 31 31 Dec December 12 24 2024 02 02  2  2 AM 00 00 000000 +1400 UTC+14:00 366 52 53 Tue Dec 31 02:00:00 2024 12/31/24 02:00:00 %"},
        {1735560000000LL, -720, "Mon Monday 1 30 30 Dec December 12 24 2024 00 12  0 12 AM 00 00 000000 -1200 UTC-12:00 365 52 53 Mon Dec 30 00:00:00 2024 12/30/24 00:00:00 %"},
        {1735560000000LL, 60, "Mon Monday 1 30 30 Dec December 12 24 2024 13 01 13  1 PM 00 00 000000 +0100 UTC+01:00 365 52 53 Mon Dec 30 13:00:00 2024 12/30/24 13:00:00 %"},
        {1709211909007LL, 0, "Thu Thursday 4 29 29 Feb February 02 24 2024 13 01 13  1 PM 05 09 007000 +0000 UTC 060 08 09 Thu Feb 29 13:05:09 2024 02/29/24 13:05:09 %"},
        {1709211909007LL, 330, "Thu Thursday 4 29 29 Feb February 02 24 2024 18 06 18  6 PM 35 09 007000 +0530 UTC+05:30 060 08 09 Thu Feb 29 18:35:09 2024 02/29/24 18:35:09 %"},
        {1709211909007LL, -210, "Thu Thursday 4 29 29 Feb February 02 24 2024 09 09  9  9 AM 35 09 007000 -0330 UTC-03:30 060 08 09 Thu Feb 29 09:35:09 2024 02/29/24 09:35:09 %"},
        {1709211909007LL, 840, "Fri Friday 5 01  1 Mar March 03 24 2024 03 03  3  3 AM 05 09 007000 +1400 UTC+14:00 061 08 09 Fri Mar  1 03:05:09 2024 03/01/24 03:05:09 %"},
        {1709211909007LL, -720, "Thu Thursday 4 29 29 Feb February 02 24 2024 01 01  1  1 AM 05 09 007000 -1200 UTC-12:00 060 08 09 Thu Feb 29 01:05:09 2024 02/29/24 01:05:09 %"},
        {1709211909007LL, 60, "Thu Thursday 4 29 29 Feb February 02 24 2024 14 02 14  2 PM 05 09 007000 +0100 UTC+01:00 060 08 09 Thu Feb 29 14:05:09 2024 02/29/24 14:05:09 %"},
        {-2208988800000LL, 0, "Mon Monday 1 01  1 Jan January 01 00 1900 00 12  0 12 AM 00 00 000000 +0000 UTC 001 00 01 Mon Jan  1 00:00:00 1900 01/01/00 00:00:00 %"},
        {-2208988800000LL, 330, "Mon Monday 1 01  1 Jan January 01 00 1900 05 05  5  5 AM 30 00 000000 +0530 UTC+05:30 001 00 01 Mon Jan  1 05:30:00 1900 01/01/00 05:30:00 %"},
        {-2208988800000LL, -210, "Sun Sunday 0 31 31 Dec December 12 99 1899 20 08 20  8 PM 30 00 000000 -0330 UTC-03:30 365 53 52 Sun Dec 31 20:30:00 1899 12/31/99 20:30:00 %"},
        {-2208988800000LL, 840, "Mon Monday 1 01  1 Jan January 01 00 1900 14 02 14  2 PM 00 00 000000 +1400 UTC+14:00 001 00 01 Mon Jan  1 14:00:00 1900 01/01/00 14:00:00 %"},
        {-2208988800000LL, -720, "Sun Sunday 0 31 31 Dec December 12 99 1899 12 12 12 12 PM 00 00 000000 -1200 UTC-12:00 365 53 52 Sun Dec 31 12:00:00 1899 12/31/99 12:00:00 %"},
        {-2208988800000LL, 60, "Mon Monday 1 01  1 Jan January 01 00 1900 01 01  1  1 AM 00 00 000000 +0100 UTC+01:00 001 00 01 Mon Jan  1 01:00:00 1900 01/01/00 01:00:00 %"},
        {-11670915599500LL, 0, "Tue Tuesday 2 29 29 Feb February 02 00 1600 23 11 23 11 PM 00 00 500000 +0000 UTC 060 09 09 Tue Feb 29 23:00:00 1600 02/29/00 23:00:00 %"},
        {-11670915599500LL, 330, "Wed Wednesday 3 01  1 Mar March 03 00 1600 04 04  4  4 AM 30 00 500000 +0530 UTC+05:30 061 09 09 Wed Mar  1 04:30:00 1600 03/01/00 04:30:00 %"},
        {-11670915599500LL, -210, "Tue Tuesday 2 29 29 Feb February 02 00 1600 19 07 19  7 PM 30 00 500000 -0330 UTC-03:30 060 09 09 Tue Feb 29 19:30:00 1600 02/29/00 19:30:00 %"},
        {-11670915599500LL, 840, "Wed Wednesday 3 01  1 Mar March 03 00 1600 13 01 13  1 PM 00 00 500000 +1400 UTC+14:00 061 09 09 Wed Mar  1 13:00:00 1600 03/01/00 13:00:00 %"},
        {-11670915599500LL, -720, "Tue Tuesday 2 29 29 Feb February 02 00 1600 11 11 11 11 AM 00 00 500000 -1200 UTC-12:00 060 09 09 Tue Feb 29 11:00:00 1600 02/29/00 11:00:00 %"},
        {-11670915599500LL, 60, "Wed Wednesday 3 01  1 Mar March 03 00 1600 00 12  0 12 AM 00 00 500000 +0100 UTC+01:00 061 09 09 Wed Mar  1 00:00:00 1600 03/01/00 00:00:00 %"},
        {253402300799999LL, 0, "Fri Friday 5 31 31 Dec December 12 99 9999 23 11 23 11 PM 59 59 999000 +0000 UTC 365 52 52 Fri Dec 31 23:59:59 9999 12/31/99 23:59:59 %"},
        {253402300799999LL, -210, "Fri Friday 5 31 31 Dec December 12 99 9999 20 08 20  8 PM 29 59 999000 -0330 UTC-03:30 365 52 52 Fri Dec 31 20:29:59 9999 12/31/99 20:29:59 %"},
        {253402300799999LL, -720, "Fri Friday 5 31 31 Dec December 12 99 9999 11 11 11 11 AM 59 59 999000 -1200 UTC-12:00 365 52 52 Fri Dec 31 11:59:59 9999 12/31/99 11:59:59 %"},
        {1609633800000LL, 0, "Sun Sunday 0 03  3 Jan January 01 21 2021 00 12  0 12 AM 30 00 000000 +0000 UTC 003 01 00 Sun Jan  3 00:30:00 2021 01/03/21 00:30:00 %"},
        {1609633800000LL, 330, "Sun Sunday 0 03  3 Jan January 01 21 2021 06 06  6  6 AM 00 00 000000 +0530 UTC+05:30 003 01 00 Sun Jan  3 06:00:00 2021 01/03/21 06:00:00 %"},
        {1609633800000LL, -210, "Sat Saturday 6 02  2 Jan January 01 21 2021 21 09 21  9 PM 00 00 000000 -0330 UTC-03:30 002 00 00 Sat Jan  2 21:00:00 2021 01/02/21 21:00:00 %"},
        {1609633800000LL, 840, "Sun Sunday 0 03  3 Jan January 01 21 2021 14 02 14  2 PM 30 00 000000 +1400 UTC+14:00 003 01 00 Sun Jan  3 14:30:00 2021 01/03/21 14:30:00 %"},
        {1609633800000LL, -720, "Sat Saturday 6 02  2 Jan January 01 21 2021 12 12 12 12 PM 30 00 000000 -1200 UTC-12:00 002 00 00 Sat Jan  2 12:30:00 2021 01/02/21 12:30:00 %"},
        {1609633800000LL, 60, "Sun Sunday 0 03  3 Jan January 01 21 2021 01 01  1  1 AM 30 00 000000 +0100 UTC+01:00 003 01 00 Sun Jan  3 01:30:00 2021 01/03/21 01:30:00 %"},
    };
    for (const FormatCase& c : cases) {
        INFO("epoch_ms " << c.epoch_ms << " offset " << c.offset_minutes);
        CHECK(dt::format(c.epoch_ms, all_directives, c.offset_minutes) == c.expected);
    }
}

TEST_CASE("format agrees with Python on random instants", "[datetime]") {
    // python3 - <<'PY'
    // import random; from datetime import datetime, timezone, timedelta
    // E = datetime(1970, 1, 1, tzinfo=timezone.utc); rng = random.Random(20261128)
    // lo = (datetime(1000, 1, 2, tzinfo=timezone.utc) - E) // timedelta(milliseconds=1)
    // hi = (datetime(9999, 12, 30, tzinfo=timezone.utc) - E) // timedelta(milliseconds=1)
    // for _ in range(40):
    //     ms = rng.randint(lo, hi); off = rng.choice([0, 330, -210, 840, -720, 60, 345, -570])
    //     local = (E + timedelta(milliseconds=ms)).astimezone(timezone(timedelta(minutes=off)))
    //     print('{%dLL, %d, "%s"},' % (ms, off, local.strftime('%Y-%m-%dT%H:%M:%S.%f%z %a %j %U %W %e %l %p')))
    // PY
    const FormatCase cases[] = {
        {33867891143997LL, 330, "3043-03-26T17:02:23.997000+0530 Sun 085 13 12 26  5 PM"},
        {-22548535052618LL, 345, "1255-06-19T19:47:27.382000+0545 Sat 170 24 24 19  7 PM"},
        {171998030895357LL, 0, "7420-05-26T22:48:15.357000+0000 Fri 147 21 21 26 10 PM"},
        {23340487025953LL, -570, "2709-08-19T03:07:05.953000-0930 Thu 231 33 33 19  3 AM"},
        {240982935048259LL, -720, "9606-06-11T20:10:48.259000-1200 Sun 162 24 23 11  8 PM"},
        {97002460616965LL, 345, "5043-11-20T21:41:56.965000+0545 Mon 324 47 47 20  9 PM"},
        {205855382961011LL, 60, "8493-04-18T11:49:21.011000+0100 Sat 108 15 15 18 11 AM"},
        {95179242912133LL, 840, "4986-02-10T04:35:12.133000+1400 Fri 041 06 06 10  4 AM"},
        {-13939544757680LL, -210, "1528-04-10T12:44:02.320000-0330 Tue 101 15 15 10 12 PM"},
        {182041761758698LL, -720, "7738-09-03T08:02:38.698000-1200 Wed 246 35 35  3  8 AM"},
        {120252761741398LL, -570, "5780-08-27T23:25:41.398000-0930 Sun 240 35 34 27 11 PM"},
        {4205766808022LL, 840, "2103-04-12T10:33:28.022000+1400 Thu 102 14 15 12 10 AM"},
        {17223898517125LL, 330, "2515-10-21T21:45:17.125000+0530 Mon 294 42 42 21  9 PM"},
        {34133759184275LL, 0, "3051-08-28T15:46:24.275000+0000 Thu 240 34 34 28  3 PM"},
        {-26564641204619LL, -720, "1128-03-14T08:59:55.381000-1200 Wed 074 11 11 14  8 AM"},
        {196488858305963LL, 60, "8196-06-25T15:25:05.963000+0100 Sat 177 25 25 25  3 PM"},
        {151427726495635LL, -210, "6768-07-21T13:51:35.635000-0330 Sun 203 29 29 21  1 PM"},
        {92391738413855LL, 345, "4897-10-11T01:31:53.855000+0545 Fri 284 40 40 11  1 AM"},
        {241125565226829LL, 0, "9610-12-19T03:40:26.829000+0000 Sun 353 51 50 19  3 AM"},
        {151437935061089LL, 0, "6768-11-16T21:04:21.089000+0000 Sat 321 45 46 16  9 PM"},
        {195530894763761LL, 345, "8166-02-16T07:11:03.761000+0545 Sun 047 07 06 16  7 AM"},
        {2557568598702LL, 0, "2051-01-17T11:43:18.702000+0000 Tue 017 03 03 17 11 AM"},
        {211796890579029LL, -570, "8681-07-29T12:06:19.029000-0930 Fri 210 30 30 29 12 PM"},
        {4519196234490LL, 345, "2113-03-17T18:02:14.490000+0545 Fri 076 11 11 17  6 PM"},
        {2010011733775LL, -720, "2033-09-10T12:35:33.775000-1200 Sat 253 36 36 10 12 PM"},
        {202435917880187LL, -210, "8384-12-09T03:54:40.187000-0330 Sun 344 50 49  9  3 AM"},
        {244007171555476LL, 0, "9702-04-13T01:52:35.476000+0000 Thu 103 15 15 13  1 AM"},
        {29787561756432LL, 0, "2913-12-06T10:42:36.432000+0000 Wed 340 49 49  6 10 AM"},
        {86698584976776LL, -720, "4717-05-15T08:16:16.776000-1200 Tue 135 19 20 15  8 AM"},
        {243161164493798LL, 60, "9675-06-21T08:54:53.798000+0100 Fri 172 24 24 21  8 AM"},
        {56310202377798LL, 330, "3754-05-26T16:22:57.798000+0530 Sun 146 21 20 26  4 PM"},
        {169817809269667LL, 345, "7351-04-25T03:26:09.667000+0545 Sun 115 17 16 25  3 AM"},
        {222699466988206LL, 345, "9027-01-25T08:48:08.206000+0545 Thu 025 03 04 25  8 AM"},
        {-24508839478845LL, 330, "1193-05-07T02:32:01.155000+0530 Fri 127 18 18  7  2 AM"},
        {217804439933818LL, -210, "8871-12-12T13:48:53.818000-0330 Sat 346 49 49 12  1 PM"},
        {249747839680366LL, 330, "9884-03-12T05:24:40.366000+0530 Wed 072 10 10 12  5 AM"},
        {157551025334256LL, 330, "6962-08-05T11:12:14.256000+0530 Thu 217 31 31  5 11 AM"},
        {8835608635045LL, 0, "2249-12-27T23:43:55.045000+0000 Thu 361 51 52 27 11 PM"},
        {4692478853664LL, -570, "2118-09-12T16:50:53.664000-0930 Mon 255 37 37 12  4 PM"},
        {247151674964948LL, 330, "9801-12-05T00:32:44.948000+0530 Sat 339 48 48  5 12 AM"},
    };
    for (const FormatCase& c : cases) {
        INFO("epoch_ms " << c.epoch_ms << " offset " << c.offset_minutes);
        CHECK(dt::format(c.epoch_ms, "%Y-%m-%dT%H:%M:%S.%f%z %a %j %U %W %e %l %p",
                         c.offset_minutes) == c.expected);
    }
}

TEST_CASE("format: the '-' flag, literals and Jinjava's examples", "[datetime]") {
    // python3 -c "from datetime import *; print(datetime(2024,1,7,3,4,5,tzinfo=timezone.utc)
    //   .strftime('%-d|%-e|%-m|%-y|%-H|%-k|%-I|%-l|%-M|%-S|%-j|%-U|%-W|%-w'))"
    CHECK(dt::format(iso("2024-01-07T03:04:05Z"), "%-d|%-e|%-m|%-y|%-H|%-k|%-I|%-l|%-M|%-S|%-j|%-U|%-W|%-w",
                     0) == "7|7|1|24|3|3|3|3|4|5|7|1|1|0");
    CHECK(dt::format(iso("2009-01-02"), "%-y|%y", 0) == "9|09");  // python3: same call → '9|09'
    CHECK(dt::format(0, "", 0).empty());
    CHECK(dt::format(0, "--", 0) == "--");
    CHECK(dt::format(0, "100%%", 0) == "100%");
    CHECK(dt::format(0, "abc%", 0) == "abc%");  // lone trailing '%' is literal (Python too)
    CHECK(dt::format(0, "%-a %-B", 0) == "Thu January");  // '-' is ignored on names
    CHECK(dt::format(iso("2024-03-05T10:20:30Z"), "%H:%M / %d-%m-%Y", 0) == "10:20 / 05-03-2024");

    // Jinjava DateTimeFormatFilterTest vectors (the default format and an explicit one).
    const std::int64_t jinjava_date = iso("2013-11-06T14:22:00.000+00:00");
    CHECK(dt::format(jinjava_date, "%H:%M / %d-%m-%Y", 0) == "14:22 / 06-11-2013");
    CHECK(dt::format(jinjava_date, "%B %d, %Y, at %I:%M %p", 0) == "November 06, 2013, at 02:22 PM");
    CHECK(dt::format(1539277785000LL, "%B %d, %Y, at %I:%M %p", 0) == "October 11, 2018, at 05:09 PM");
    CHECK(dt::format(1539277785000LL, "%B %d, %Y, at %I:%M %p", dt::parse_tz_offset_minutes("UTC+8")) ==
          "October 12, 2018, at 01:09 AM");
}

TEST_CASE("format: years before 1000 are zero-padded (documented divergence from glibc)", "[datetime]") {
    // glibc/Python print %Y of year 1 as '1'; hooksmith (like java.time's yyyy) prints '0001'.
    CHECK(dt::format(dt::min_epoch_ms, "%Y %y %c", 0) == "0001 01 Mon Jan  1 00:00:00 0001");
    CHECK(dt::format(dt::min_epoch_ms, "%-Y", 0) == "1");
    CHECK(dt::format(iso("0999-01-01"), "%Y %a", 0) == "0999 Tue");  // python3: 'Tue' for 999-01-01
}

TEST_CASE("format reports bad formats, dates and offsets", "[datetime]") {
    const std::string unknown = error_of([] { dt::format(0, "%Y-%Q", 0); });
    CHECK_THAT(unknown, Contains("unknown date format directive '%Q'"));
    CHECK_THAT(unknown, Contains("'%Y-%Q'"));
    CHECK_THAT(unknown, Contains("%a %A %w"));
    CHECK_THAT(error_of([] { dt::format(0, "100% sure", 0); }), Contains("directive '% '"));
    CHECK_THAT(error_of([] { dt::format(0, "%-", 0); }), Contains("directive '%-'"));
    CHECK(dt::format(0, "%-%", 0) == "%");
    CHECK_THAT(error_of([] { dt::format(0, "yyyy-MM-dd", 0); }), Contains("has no %-directives"));
    CHECK_THAT(error_of([] { dt::format(0, "short", 0); }), Contains("Java patterns"));
    CHECK_THAT(error_of([] { dt::format(dt::max_epoch_ms + 1, "%Y", 0); }),
               Contains("253402300800000 (epoch milliseconds) is outside"));
    CHECK_THAT(error_of([] { dt::format(dt::min_epoch_ms - 1, "%Y", 0); }), Contains("years 0001-9999"));
    CHECK_THAT(error_of([] { dt::format(std::numeric_limits<std::int64_t>::max(), "%Y", 0); }),
               Contains("outside"));
    CHECK_THAT(error_of([] { dt::format(std::numeric_limits<std::int64_t>::min(), "%Y", 0); }),
               Contains("outside"));
    CHECK_THAT(error_of([] { dt::format(0, "%Y", 1081); }), Contains("out of range"));
    CHECK_THAT(error_of([] { dt::format(0, "%Y", -1081); }), Contains("out of range"));
    CHECK_THAT(error_of([] { dt::format(0, "%Y", std::numeric_limits<int>::min()); }), Contains("out of range"));
    CHECK_THAT(error_of([] { dt::format(dt::min_epoch_ms, "%Y", -60); }), Contains("shifted by -01:00"));
    CHECK_THAT(error_of([] { dt::format(dt::max_epoch_ms, "%Y", 60); }), Contains("shifted by +01:00"));
    CHECK(dt::format(dt::min_epoch_ms, "%Y", 60) == "0001");
    CHECK(dt::format(dt::max_epoch_ms, "%Y", -60) == "9999");
}

TEST_CASE("calendar is consistent day by day over years 0001-9999", "[datetime]") {
    // Independent of the conversion formulas: consecutive days must advance the weekday by one
    // and the day of year by one (restarting at 001), and every date must parse back.
    std::int64_t previous_weekday = -1;
    int previous_day_of_year = 0;
    int checked = 0;
    for (std::int64_t ms = dt::min_epoch_ms; ms <= dt::max_epoch_ms; ms += 86400000) {
        const std::string text = dt::format(ms, "%Y-%m-%d %w %j", 0);
        const std::int64_t weekday = text[11] - '0';
        const int day_of_year = std::stoi(text.substr(13));
        if (previous_weekday >= 0) {
            if (weekday != (previous_weekday + 1) % 7) FAIL("weekday jumps at " << text);
            if (day_of_year != 1 && day_of_year != previous_day_of_year + 1) FAIL("day of year jumps at " << text);
        }
        if (dt::parse_iso8601(text.substr(0, 10)) != ms) FAIL("round trip fails at " << text);
        previous_weekday = weekday;
        previous_day_of_year = day_of_year;
        ++checked;
    }
    CHECK(checked == 3652059);  // days in 0001-01-01 .. 9999-12-31
    CHECK(dt::format(dt::min_epoch_ms, "%A", 0) == "Monday");  // proleptic Gregorian 0001-01-01
}

TEST_CASE("parse_unit accepts plural, singular and any case", "[datetime]") {
    CHECK(dt::parse_unit("seconds") == dt::Unit::seconds);
    CHECK(dt::parse_unit("second") == dt::Unit::seconds);
    CHECK(dt::parse_unit("minutes") == dt::Unit::minutes);
    CHECK(dt::parse_unit("minute") == dt::Unit::minutes);
    CHECK(dt::parse_unit("hours") == dt::Unit::hours);
    CHECK(dt::parse_unit("HOUR") == dt::Unit::hours);
    CHECK(dt::parse_unit("Days") == dt::Unit::days);
    CHECK(dt::parse_unit("day") == dt::Unit::days);
    CHECK(dt::parse_unit("weeks") == dt::Unit::weeks);
    CHECK(dt::parse_unit("week") == dt::Unit::weeks);
    CHECK(dt::parse_unit("months") == dt::Unit::months);
    CHECK(dt::parse_unit("month") == dt::Unit::months);
    CHECK(dt::parse_unit("years") == dt::Unit::years);
    CHECK(dt::parse_unit(" year ") == dt::Unit::years);
    for (const dt::Unit unit : {dt::Unit::seconds, dt::Unit::minutes, dt::Unit::hours, dt::Unit::days,
                                dt::Unit::weeks, dt::Unit::months, dt::Unit::years}) {
        CHECK(dt::parse_unit(dt::to_string(unit)) == unit);
    }
    for (const char* bad : {"", "parsec", "s", "ms", "millis", "fortnight", "dayss", "decades"}) {
        INFO(bad);
        const std::string message = error_of([&] { dt::parse_unit(bad); });
        CHECK_THAT(message, Contains("unknown time unit '" + std::string(bad) + "'"));
        CHECK_THAT(message, Contains("seconds, minutes, hours, days, weeks, months, years"));
    }
}

TEST_CASE("add: fixed units, including Jinjava's plus_time vectors", "[datetime]") {
    // Jinjava PlusTimeFilterTest: 1543352736000 plus one day/hour/minute/second/month.
    const std::int64_t start = 1543352736000LL;
    CHECK(dt::add(start, 1, dt::Unit::days) == 1543439136000LL);
    CHECK(dt::add(start, 1, dt::Unit::hours) == 1543356336000LL);
    CHECK(dt::add(start, 1, dt::Unit::minutes) == 1543352796000LL);
    CHECK(dt::add(start, 1, dt::Unit::seconds) == 1543352737000LL);
    CHECK(dt::add(start, 1, dt::Unit::months) == 1545944736000LL);

    CHECK(dt::add(iso("2024-03-05T10:20:30Z"), 2, dt::Unit::weeks) == iso("2024-03-19T10:20:30Z"));
    CHECK(dt::add(iso("2024-03-05T10:20:30Z"), -3, dt::Unit::days) == iso("2024-03-02T10:20:30Z"));
    CHECK(dt::add(iso("2024-03-05T10:20:30Z"), 0, dt::Unit::days) == iso("2024-03-05T10:20:30Z"));
    CHECK(dt::add(0, -1, dt::Unit::seconds) == -1000);
    CHECK(dt::add(iso("1969-12-31T23:00Z"), 2, dt::Unit::hours) == iso("1970-01-01T01:00Z"));
    CHECK(dt::add(iso("1900-02-28"), 1, dt::Unit::days) == iso("1900-03-01"));
    CHECK(dt::add(dt::min_epoch_ms, 3652058, dt::Unit::days) == iso("9999-12-31"));
    CHECK(dt::add(dt::max_epoch_ms, -1, dt::Unit::days) == iso("9999-12-30T23:59:59.999"));
}

TEST_CASE("add: months and years clamp to the month's end", "[datetime]") {
    CHECK(dt::add(iso("2024-01-31T10:00Z"), 1, dt::Unit::months) == iso("2024-02-29T10:00Z"));
    CHECK(dt::add(iso("2023-01-31T10:00Z"), 1, dt::Unit::months) == iso("2023-02-28T10:00Z"));
    CHECK(dt::add(iso("2024-03-31T10:00Z"), -1, dt::Unit::months) == iso("2024-02-29T10:00Z"));
    CHECK(dt::add(iso("2023-03-31T10:00Z"), -1, dt::Unit::months) == iso("2023-02-28T10:00Z"));
    CHECK(dt::add(iso("2024-05-31"), 1, dt::Unit::months) == iso("2024-06-30"));
    CHECK(dt::add(iso("2024-01-31"), 2, dt::Unit::months) == iso("2024-03-31"));  // not chained
    CHECK(dt::add(iso("2024-01-15T23:59:59.999Z"), 13, dt::Unit::months) == iso("2025-02-15T23:59:59.999Z"));
    CHECK(dt::add(iso("2024-11-30"), 3, dt::Unit::months) == iso("2025-02-28"));
    CHECK(dt::add(iso("2024-01-10"), -1, dt::Unit::months) == iso("2023-12-10"));
    CHECK(dt::add(iso("2024-01-10"), -25, dt::Unit::months) == iso("2021-12-10"));
    CHECK(dt::add(iso("1970-01-31T12:00Z"), -11, dt::Unit::months) == iso("1969-02-28T12:00Z"));
    CHECK(dt::add(iso("2024-02-29"), 1, dt::Unit::years) == iso("2025-02-28"));
    CHECK(dt::add(iso("2024-02-29"), 4, dt::Unit::years) == iso("2028-02-29"));
    CHECK(dt::add(iso("2024-02-29"), -100, dt::Unit::years) == iso("1924-02-29"));
    CHECK(dt::add(iso("2000-02-29"), 100, dt::Unit::years) == iso("2100-02-28"));
    CHECK(dt::add(iso("1969-06-15T08:00Z"), 1, dt::Unit::years) == iso("1970-06-15T08:00Z"));
    CHECK(dt::add(iso("0001-01-01"), 9998, dt::Unit::years) == iso("9999-01-01"));
    CHECK(dt::add(iso("9999-12-31T23:59:59.999Z"), -119987, dt::Unit::months) == iso("0001-01-31T23:59:59.999Z"));
}

TEST_CASE("add: results outside years 0001-9999 and huge amounts are errors", "[datetime]") {
    const std::int64_t huge = std::numeric_limits<std::int64_t>::max();
    const std::int64_t tiny = std::numeric_limits<std::int64_t>::min();
    CHECK_THAT(error_of([] { dt::add(dt::max_epoch_ms, 1, dt::Unit::seconds); }),
               Contains("adding 1 seconds to 9999-12-31T23:59:59.999Z leaves the supported dates"));
    CHECK_THAT(error_of([] { dt::add(dt::min_epoch_ms, -1, dt::Unit::days); }), Contains("0001-01-01T00:00:00.000Z"));
    CHECK_THAT(error_of([] { dt::add(iso("9999-12-01"), 1, dt::Unit::months); }), Contains("years 0001-9999"));
    CHECK_THAT(error_of([] { dt::add(iso("0001-01-31"), -1, dt::Unit::months); }), Contains("years 0001-9999"));
    // Jinjava PlusTimeFilterTest: plus_time(9999999999, 'years') is an error.
    CHECK_THAT(error_of([] { dt::add(1543352736000LL, 9999999999LL, dt::Unit::years); }), Contains("9999999999 years"));
    for (const dt::Unit unit : {dt::Unit::seconds, dt::Unit::minutes, dt::Unit::hours, dt::Unit::days,
                                dt::Unit::weeks, dt::Unit::months, dt::Unit::years}) {
        INFO(dt::to_string(unit));
        CHECK_THAT(error_of([&] { dt::add(0, huge, unit); }), Contains("leaves the supported dates"));
        CHECK_THAT(error_of([&] { dt::add(0, tiny, unit); }), Contains("leaves the supported dates"));
        CHECK_THAT(error_of([&] { dt::add(0, 10000000000000LL, unit); }), Contains("leaves the supported dates"));
    }
    CHECK_THAT(error_of([] { dt::add(dt::max_epoch_ms + 1, 0, dt::Unit::days); }), Contains("outside the supported dates"));
    CHECK_THAT(error_of([&] { dt::add(tiny, 1, dt::Unit::days); }), Contains("outside the supported dates"));
}

TEST_CASE("between: fixed units truncate toward zero, signed", "[datetime]") {
    // Jinjava BetweenTimesFilterTest vectors.
    const std::int64_t begin = 1543354954000LL;
    const std::int64_t one_day_later = 1543441354000LL;
    CHECK(dt::between(begin, one_day_later, dt::Unit::days) == 1);
    CHECK(dt::between(begin, one_day_later, dt::Unit::hours) == 24);
    CHECK(dt::between(begin, one_day_later, dt::Unit::minutes) == 1440);
    CHECK(dt::between(begin, one_day_later, dt::Unit::seconds) == 86400);
    CHECK(dt::between(begin, 1548668554000LL, dt::Unit::months) == 2);

    CHECK(dt::between(one_day_later, begin, dt::Unit::days) == -1);
    CHECK(dt::between(one_day_later, begin, dt::Unit::seconds) == -86400);
    CHECK(dt::between(0, 1999, dt::Unit::seconds) == 1);
    CHECK(dt::between(0, -1999, dt::Unit::seconds) == -1);
    CHECK(dt::between(1000, -500, dt::Unit::seconds) == -1);
    CHECK(dt::between(0, 59999, dt::Unit::minutes) == 0);
    CHECK(dt::between(iso("2024-03-05T10:00Z"), iso("2024-03-05T09:00:00.001Z"), dt::Unit::hours) == 0);
    CHECK(dt::between(iso("2024-03-05T10:00Z"), iso("2024-03-05T09:00Z"), dt::Unit::hours) == -1);
    CHECK(dt::between(iso("2024-03-05T10:00Z"), iso("2024-03-06T09:59Z"), dt::Unit::days) == 0);
    CHECK(dt::between(iso("2024-03-05T10:00Z"), iso("2024-03-06T10:00Z"), dt::Unit::days) == 1);
    CHECK(dt::between(iso("2024-03-06T10:00Z"), iso("2024-03-05T10:01Z"), dt::Unit::days) == 0);
    CHECK(dt::between(iso("2024-02-28"), iso("2024-03-01"), dt::Unit::days) == 2);
    CHECK(dt::between(iso("2023-02-28"), iso("2023-03-01"), dt::Unit::days) == 1);
    CHECK(dt::between(iso("1969-12-25"), iso("1970-01-08"), dt::Unit::weeks) == 2);
    CHECK(dt::between(iso("2024-03-01"), iso("2024-03-14"), dt::Unit::weeks) == 1);
    CHECK(dt::between(iso("2024-03-14"), iso("2024-03-01"), dt::Unit::weeks) == -1);
    CHECK(dt::between(dt::min_epoch_ms, dt::max_epoch_ms, dt::Unit::seconds) == 315537897599LL);
    CHECK(dt::between(dt::max_epoch_ms, dt::min_epoch_ms, dt::Unit::days) == -3652058);
}

TEST_CASE("between: months and years count calendar months like java.time", "[datetime]") {
    CHECK(dt::between(iso("2024-01-15"), iso("2024-02-15"), dt::Unit::months) == 1);
    CHECK(dt::between(iso("2024-01-15"), iso("2024-02-14"), dt::Unit::months) == 0);
    CHECK(dt::between(iso("2024-01-15T10:00Z"), iso("2024-02-15T09:59:59.999Z"), dt::Unit::months) == 0);
    CHECK(dt::between(iso("2024-01-15T10:00Z"), iso("2024-02-15T10:00Z"), dt::Unit::months) == 1);
    // Month ends: Jan 31 → Feb 29 is not a whole month (though Jan 31 + 1 month is Feb 29).
    CHECK(dt::between(iso("2024-01-31"), iso("2024-02-29"), dt::Unit::months) == 0);
    CHECK(dt::between(iso("2024-01-31"), iso("2024-03-30"), dt::Unit::months) == 1);
    CHECK(dt::between(iso("2024-01-31"), iso("2024-03-31"), dt::Unit::months) == 2);
    CHECK(dt::between(iso("2024-02-29"), iso("2024-03-29"), dt::Unit::months) == 1);
    // Negative spans truncate toward zero as well.
    CHECK(dt::between(iso("2024-03-15"), iso("2024-01-15"), dt::Unit::months) == -2);
    CHECK(dt::between(iso("2024-03-15"), iso("2024-01-16"), dt::Unit::months) == -1);
    CHECK(dt::between(iso("2024-03-15T10:00Z"), iso("2024-01-15T11:00Z"), dt::Unit::months) == -1);
    CHECK(dt::between(iso("2024-03-15T10:00Z"), iso("2024-01-15T10:00Z"), dt::Unit::months) == -2);
    CHECK(dt::between(iso("1970-01-01"), iso("1969-12-01"), dt::Unit::months) == -1);
    CHECK(dt::between(iso("1969-12-31T23:00Z"), iso("1970-01-31T22:59Z"), dt::Unit::months) == 0);
    CHECK(dt::between(iso("1969-12-31T23:00Z"), iso("1970-01-31T23:00Z"), dt::Unit::months) == 1);
    // Years are whole months / 12.
    CHECK(dt::between(iso("2020-02-29"), iso("2021-02-28"), dt::Unit::years) == 0);
    CHECK(dt::between(iso("2020-02-29"), iso("2021-03-01"), dt::Unit::years) == 1);
    CHECK(dt::between(iso("2020-02-29"), iso("2024-02-29"), dt::Unit::years) == 4);
    CHECK(dt::between(iso("2024-02-29"), iso("2023-03-01"), dt::Unit::years) == 0);
    CHECK(dt::between(iso("2024-02-29"), iso("2023-02-28"), dt::Unit::years) == -1);
    CHECK(dt::between(iso("1990-06-15T12:00Z"), iso("2024-06-15T11:59Z"), dt::Unit::years) == 33);
    CHECK(dt::between(iso("1990-06-15T12:00Z"), iso("2024-06-15T12:00Z"), dt::Unit::years) == 34);
    CHECK(dt::between(dt::min_epoch_ms, dt::max_epoch_ms, dt::Unit::years) == 9998);
    CHECK(dt::between(dt::max_epoch_ms, dt::min_epoch_ms, dt::Unit::months) == -119987);
}

TEST_CASE("between: dates outside years 0001-9999 are errors", "[datetime]") {
    CHECK_THAT(error_of([] { dt::between(dt::max_epoch_ms + 1, 0, dt::Unit::days); }), Contains("the start date"));
    CHECK_THAT(error_of([] { dt::between(0, dt::min_epoch_ms - 1, dt::Unit::months); }), Contains("the end date"));
    CHECK_THAT(error_of([] { dt::between(0, std::numeric_limits<std::int64_t>::min(), dt::Unit::seconds); }),
               Contains("outside the supported dates"));
}
