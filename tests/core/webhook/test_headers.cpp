// Custom header rules (spec §2 `headers`, §7): token names, the Fetch forbidden list, safe values.
#include <catch2/catch.hpp>

#include <string>

#include "hooksmith/error.hpp"
#include "webhook/headers.hpp"

using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::detail::checked_header_value;
using hooksmith::detail::is_forbidden_request_header;
using hooksmith::detail::is_http_token;

namespace {

std::string header_error(const std::string& name, const std::string& value) {
    try {
        checked_header_value(name, value);
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "headers." + name);
        return error.message;
    }
    FAIL("no error for " << name << ": " << value);
    return "";
}

}  // namespace

TEST_CASE("headers: names must be HTTP tokens", "[headers]") {
    for (const char* name : {"X-Campaign", "x", "Authorization", "X_Custom", "a1!#$%&'*+-.^_`|~z", "0", "ABC-def"})
        CHECK(is_http_token(name));
    for (const char* name : {"", "X Campaign", "X-Campaign:", "X(1)", "a,b", "a;b", "a/b", "a=b", "a\"b", "a@b",
                             "a[b]", "a{b}", "a?b", "a\\b", "tab\there", "new\nline", "é", " X", "X "})
        CHECK_FALSE(is_http_token(name));
    CHECK_FALSE(is_http_token(std::string("a\0b", 3)));
    CHECK_FALSE(is_http_token("\x7F"));
}

TEST_CASE("headers: the Fetch forbidden request-header names, case-insensitively", "[headers]") {
    for (const char* name : {"Accept-Charset", "accept-encoding", "Access-Control-Request-Headers",
                             "ACCESS-CONTROL-REQUEST-METHOD", "Connection", "Content-Length", "Cookie", "Cookie2",
                             "Date", "dnt", "Expect", "Host", "HOST", "Keep-Alive", "Origin", "Referer",
                             "Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via", "Sec-Fetch-Mode",
                             "sec-ch-ua", "Sec-", "Proxy-Authorization", "proxy-connection", "Proxy-"})
        CHECK(is_forbidden_request_header(name));
    for (const char* name : {"Authorization", "Content-Type", "X-Campaign", "Accept", "Referrer-Policy", "Hosts",
                             "X-Host", "Secret", "Sec", "Proxy", "Cookies", "X-HTTP-Method-Override", "Range"})
        CHECK_FALSE(is_forbidden_request_header(name));
}

TEST_CASE("headers: method-override names are forbidden only with CONNECT, TRACE or TRACK", "[headers]") {
    CHECK(is_forbidden_request_header("X-HTTP-Method-Override", "TRACE"));
    CHECK(is_forbidden_request_header("x-http-method", "connect"));
    CHECK(is_forbidden_request_header("X-Method-Override", "PUT, track"));
    CHECK(is_forbidden_request_header("X-Method-Override", " GET ,\tTrace "));
    CHECK_FALSE(is_forbidden_request_header("X-HTTP-Method-Override", "PUT"));
    CHECK_FALSE(is_forbidden_request_header("X-HTTP-Method-Override", "TRACES"));
    CHECK_FALSE(is_forbidden_request_header("X-Other", "TRACE"));
    CHECK(is_forbidden_request_header("Cookie", "a=b"));
}

TEST_CASE("headers: values are trimmed of spaces and tabs as fetch does", "[headers]") {
    CHECK(checked_header_value("X-Campaign", "5724036847910912") == "5724036847910912");
    CHECK(checked_header_value("X-Campaign", "  spring sale \t") == "spring sale");
    CHECK(checked_header_value("X-Campaign", "\t\ta\tb\t") == "a\tb");
    CHECK(checked_header_value("X-Campaign", "") == "");
    CHECK(checked_header_value("X-Campaign", "   \t ") == "");
    CHECK(checked_header_value("X-Campaign", "!~ \"quoted\" ~!") == "!~ \"quoted\" ~!");
    CHECK(checked_header_value("X-Campaign", "a%C3%A9") == "a%C3%A9");
}

TEST_CASE("headers: CR, LF and NUL are header injection, checked before trimming", "[headers]") {
    using Catch::Matchers::Contains;
    CHECK_THAT(header_error("X-Campaign", "a\r\nX-Admin: 1"), Contains("carriage return"));
    CHECK_THAT(header_error("X-Campaign", "a\nb"), Contains("line feed"));
    CHECK_THAT(header_error("X-Campaign", std::string("a\0b", 3)), Contains("NUL"));
    CHECK_THAT(header_error("X-Campaign", "value\n"), Contains("line feed"));  // trailing: not trimmed away
    CHECK_THAT(header_error("X-Campaign", "\r value"), Contains("carriage return"));
    CHECK_THAT(header_error("X-Campaign", "abc\n"), Contains("byte 4"));
}

TEST_CASE("headers: values must be printable ASCII; the error suggests urlencode", "[headers]") {
    using Catch::Matchers::Contains;
    CHECK_THAT(header_error("X-Name", "Zoë"), Contains("non-ASCII") && Contains("| urlencode"));
    CHECK_THAT(header_error("X-Name", "caf\xC3\xA9"), Contains("byte 4"));
    CHECK_THAT(header_error("X-Name", "\xFF"), Contains("non-ASCII"));  // also U+0080–U+00FF (Latin-1)
    CHECK_THAT(header_error("X-Name", "a\x01z"), Contains("0x01") && Contains("| urlencode"));
    CHECK_THAT(header_error("X-Name", "a\x7Fz"), Contains("0x7F"));
    CHECK_THAT(header_error("X-Name", "  \x1B"), Contains("byte 3"));  // position in the rendered value
}

TEST_CASE("headers: error messages never quote the value", "[headers]") {
    using Catch::Matchers::Contains;
    CHECK_THAT(header_error("X-Api-Key", "sk_live_secret\r\n"), !Contains("sk_live_secret"));
    CHECK_THAT(header_error("X-Api-Key", "sk_live_secret\xC3\xA9"), !Contains("sk_live_secret"));
    CHECK_THAT(header_error("X-Api-Key", "sk_live_secret\x02"), !Contains("sk_live_secret"));
}
