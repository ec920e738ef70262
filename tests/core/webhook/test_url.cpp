// WHATWG URL parsing (spec §3.1) and Basic credentials (spec §3.2).
// Expected hrefs were produced by Node 20's WHATWG `new URL(input).href` (cases modelled on
// web-platform-tests url/resources/urltestdata.json), except where hooksmith deliberately differs
// (marked): `^` and `|` in paths, and non-ASCII hosts.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hooksmith/error.hpp"
#include "webhook/url.hpp"

using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::detail::basic_authorization;
using hooksmith::detail::mask_url_password;
using hooksmith::detail::parse_http_url;
using hooksmith::detail::ParsedUrl;
using hooksmith::detail::percent_decode;

namespace {

struct UrlCase {
    std::string input;
    std::string href;
};

const std::vector<UrlCase> whatwg_cases = {
    {"HTTP://EXAMPLE.com:443/a/../b", "http://example.com:443/b"},
    {"http://example.com", "http://example.com/"},
    {"https://example.com:443/", "https://example.com/"},
    {"http://example.com:80/", "http://example.com/"},
    {"http://example.com:8080/", "http://example.com:8080/"},
    {"https://example.com:80/", "https://example.com:80/"},
    {"http://example.com:0080/x", "http://example.com/x"},
    {"http://example.com:/x", "http://example.com/x"},
    {"http://example.com:65535/", "http://example.com:65535/"},
    {"  http://example.com/  ", "http://example.com/"},
    {"\t http://exa\tmple.com/p\nath \n", "http://example.com/path"},
    {"http:example.com/path", "http://example.com/path"},
    {"http:/example.com/path", "http://example.com/path"},
    {"http:\\\\example.com\\path\\x", "http://example.com/path/x"},
    {"http:///example.com/", "http://example.com/"},
    {"https:\\\\\\\\\\\\example.com", "https://example.com/"},
    {"http://example.com/a/./b/../c", "http://example.com/a/c"},
    {"http://example.com/a/%2e/b/%2E%2e/c", "http://example.com/a/c"},
    {"http://example.com/a/.%2e/b", "http://example.com/b"},
    {"http://example.com/a/%2e./b", "http://example.com/b"},
    {"http://example.com/..", "http://example.com/"},
    {"http://example.com/../../x", "http://example.com/x"},
    {"http://example.com/a/..", "http://example.com/"},
    {"http://example.com/a/.", "http://example.com/a/"},
    {"http://example.com/a/b/", "http://example.com/a/b/"},
    {"http://example.com/a//b", "http://example.com/a//b"},
    {"http://example.com/.a/..a/...", "http://example.com/.a/..a/..."},
    {"http://example.com/%2e%2e%2f", "http://example.com/%2e%2e%2f"},
    {"http://example.com/a b", "http://example.com/a%20b"},
    {"http://example.com/\"<>", "http://example.com/%22%3C%3E"},
    {"http://example.com/é", "http://example.com/%C3%A9"},
    {"http://example.com/ünïcödé?q=é#é", "http://example.com/%C3%BCn%C3%AFc%C3%B6d%C3%A9?q=%C3%A9#%C3%A9"},
    {"http://example.com/%zz%4", "http://example.com/%zz%4"},
    {"http://example.com/p?q r", "http://example.com/p?q%20r"},
    {"http://example.com/p?\"<>#", "http://example.com/p?%22%3C%3E#"},
    {"http://example.com/p?'", "http://example.com/p?%27"},
    {"http://example.com/p#'", "http://example.com/p#'"},
    {"http://example.com/p#\"<>`", "http://example.com/p#%22%3C%3E%60"},
    {"http://example.com/p?a=1&b=2#frag ment", "http://example.com/p?a=1&b=2#frag%20ment"},
    {"http://example.com/p?", "http://example.com/p?"},
    {"http://example.com/p#", "http://example.com/p#"},
    {"http://example.com?x", "http://example.com/?x"},
    {"http://example.com#x", "http://example.com/#x"},
    {"http://example.com/p?x#y#z", "http://example.com/p?x#y#z"},
    {"http://example.com/p?x?y", "http://example.com/p?x?y"},
    {"http://user:pass@example.com/", "http://user:pass@example.com/"},
    {"http://user@example.com/", "http://user@example.com/"},
    {"http://user:@example.com/", "http://user@example.com/"},
    {"http://:pass@example.com/", "http://:pass@example.com/"},
    {"http://@example.com/", "http://example.com/"},
    {"http://:@example.com/", "http://example.com/"},
    {"http://a:b@c:d@example.com/", "http://a:b%40c%3Ad@example.com/"},
    {"http://us er:pa ss@example.com/", "http://us%20er:pa%20ss@example.com/"},
    {"http://user:p@ss@example.com/", "http://user:p%40ss@example.com/"},
    {"http://user:p%40ss@example.com/", "http://user:p%40ss@example.com/"},
    {"http://üser:pässword@example.com/", "http://%C3%BCser:p%C3%A4ssword@example.com/"},
    {"http://[::1]/", "http://[::1]/"},
    {"http://[::1]:8080/", "http://[::1]:8080/"},
    {"http://[0:0:0:0:0:0:0:1]/", "http://[::1]/"},
    {"http://[1:0:0:2:0:0:0:3]/", "http://[1:0:0:2::3]/"},
    {"http://[1:0:0:0:2:0:0:3]/", "http://[1::2:0:0:3]/"},
    {"http://[2001:DB8::1]/", "http://[2001:db8::1]/"},
    {"http://[::ffff:192.168.0.1]/", "http://[::ffff:c0a8:1]/"},
    {"http://[::1.2.3.4]/", "http://[::102:304]/"},
    {"http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:7:8]/"},
    {"http://[1:2:3:4:5:6:7::]/", "http://[1:2:3:4:5:6:7:0]/"},
    {"http://[::]/", "http://[::]/"},
    {"http://192.168.0.1/", "http://192.168.0.1/"},
    {"http://0x7f.1/", "http://127.0.0.1/"},
    {"http://0x7F000001/", "http://127.0.0.1/"},
    {"http://2130706433/", "http://127.0.0.1/"},
    {"http://017700000001/", "http://127.0.0.1/"},
    {"http://127.1/", "http://127.0.0.1/"},
    {"http://127.0.1/", "http://127.0.0.1/"},
    {"http://1.2.3.4./", "http://1.2.3.4/"},
    {"http://1.2.3.4../", "http://1.2.3.4../"},
    {"http://1.2.256/", "http://1.2.1.0/"},
    {"http://1.65536/", "http://1.1.0.0/"},
    {"http://4294967295/", "http://255.255.255.255/"},
    {"http://0x/", "http://0.0.0.0/"},
    {"http://0xg/", "http://0xg/"},
    {"http://1.2.3.foo/", "http://1.2.3.foo/"},
    {"http://Ex%41mple.com/", "http://example.com/"},
    {"http://ex%2Eample.com/", "http://ex.ample.com/"},
    {"http://exa_mple.com/", "http://exa_mple.com/"},
    {"http://exa!$&'()*+,;=mple.com/", "http://exa!$&'()*+,;=mple.com/"},
    {"http://ex~ample.com/", "http://ex~ample.com/"},
    {"http://xn--mnchen-3ya.de/", "http://xn--mnchen-3ya.de/"},
    {"http://XN--MNCHEN-3YA.DE/", "http://xn--mnchen-3ya.de/"},
    {"http://xn--ls8h/", "http://xn--ls8h/"},
    {"http://xn--abc-.com/", "http://xn--abc-.com/"},
    {"http://./", "http://./"},
    {"http://../", "http://../"},
    {"http://a..b/", "http://a..b/"},
    {"http://-a.com/", "http://-a.com/"},
    // hooksmith §3.1: ^ and | are percent-encoded in paths too (Node leaves them).
    {"http://example.com/^|{}`", "http://example.com/%5E%7C%7B%7D%60"},
    {"http://example.com/a?^|{}`", "http://example.com/a?^|{}`"},
    {"http://example.com/a#^|{}`", "http://example.com/a#^|{}%60"},
    {"http://example.com/%7C", "http://example.com/%7C"},
    {"https://api.example.com/users/42?src=spring%20sale", "https://api.example.com/users/42?src=spring%20sale"},
    {"http://example.com:8080", "http://example.com:8080/"},
    {"http://EXAMPLE.COM./", "http://example.com./"},
    {"http://example.com/\\x", "http://example.com//x"},
    {"http://example.com/a\\\\b", "http://example.com/a//b"},
    {"http://example.com/a\\b/../c", "http://example.com/a/c"},
    {"http://example.com/;x", "http://example.com/;x"},
    {"http://example.com/a;b=c/d", "http://example.com/a;b=c/d"},
    {"http://example.com/~user/", "http://example.com/~user/"},
    {"http://example.com/[a]", "http://example.com/[a]"},
    {"http://example.com/@", "http://example.com/@"},
    {"http://example.com/:x", "http://example.com/:x"},
    {"http://example.com/?a/../b", "http://example.com/?a/../b"},
    {"http://example.com/#a/../b", "http://example.com/#a/../b"},
};

// Parses `input`, expecting a config error on the `url` field; returns the message.
std::string url_error(const std::string& input) {
    try {
        parse_http_url(input);
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "url");
        return error.message;
    }
    FAIL("no error for " << input);
    return "";
}

}  // namespace

TEST_CASE("url: serializes as WHATWG new URL().href does", "[url]") {
    for (const UrlCase& c : whatwg_cases) {
        INFO("input: " << c.input);
        CHECK(parse_http_url(c.input).href() == c.href);
    }
    CHECK(whatwg_cases.size() >= 80);
}

TEST_CASE("url: components are stored as the standard stores them", "[url]") {
    ParsedUrl url = parse_http_url("HTTPS://Us%65r:p%40ss@API.Example.com:8443/a/./b/../c?x=1 2#frag");
    CHECK(url.scheme == "https");
    CHECK(url.username == "Us%65r");
    CHECK(url.password == "p%40ss");
    CHECK(url.host == "api.example.com");
    CHECK(url.port == "8443");
    CHECK(url.path == "/a/c");
    REQUIRE(url.query);
    CHECK(*url.query == "x=1%202");
    REQUIRE(url.fragment);
    CHECK(*url.fragment == "frag");
    CHECK(url.has_credentials());

    ParsedUrl bare = parse_http_url("http://example.com");
    CHECK(bare.port.empty());
    CHECK(bare.path == "/");
    CHECK_FALSE(bare.query);
    CHECK_FALSE(bare.fragment);
    CHECK_FALSE(bare.has_credentials());

    ParsedUrl empty_query = parse_http_url("http://example.com/?#");
    REQUIRE(empty_query.query);
    CHECK(empty_query.query->empty());
    REQUIRE(empty_query.fragment);
    CHECK(empty_query.fragment->empty());
}

TEST_CASE("url: the request URL drops credentials and fragment", "[url]") {
    ParsedUrl url = parse_http_url("https://user:secret@api.example.com/users/42?src=spring%20sale#top");
    CHECK(url.href() == "https://user:secret@api.example.com/users/42?src=spring%20sale#top");
    CHECK(url.href_for_request() == "https://api.example.com/users/42?src=spring%20sale");
    CHECK(parse_http_url("http://u@h:81/p?#f").href_for_request() == "http://h:81/p?");
    CHECK(parse_http_url("http://[::1]:8080").href_for_request() == "http://[::1]:8080/");
}

TEST_CASE("url: ^ | { } ` are percent-encoded in paths only", "[url]") {
    CHECK(parse_http_url("https://h/a^b|c{d}e`f").path == "/a%5Eb%7Cc%7Bd%7De%60f");
    CHECK(*parse_http_url("https://h/?a^b|c{d}e`f").query == "a^b|c{d}e`f");
    CHECK(*parse_http_url("https://h/#a^b|c{d}e`f").fragment == "a^b|c{d}e%60f");
    CHECK(parse_http_url("https://h/%5E%7c").path == "/%5E%7c");  // already encoded: kept as is
}

TEST_CASE("url: Basic authorization from the URL's credentials", "[url][auth]") {
    auto basic = [](const std::string& url) { return basic_authorization(parse_http_url(url)); };
    CHECK(basic("https://user:secret@api.example.com/") == "Basic dXNlcjpzZWNyZXQ=");  // spec §3 example
    CHECK(basic("https://user:p%40ss@h/") == "Basic dXNlcjpwQHNz");                     // user:p@ss
    CHECK(basic("https://user:p@ss@h/") == "Basic dXNlcjpwQHNz");                       // last @ splits
    CHECK(basic("https://user@h/") == "Basic dXNlcjo=");                                // user:
    CHECK(basic("https://user:@h/") == "Basic dXNlcjo=");
    CHECK(basic("https://:pass@h/") == "Basic OnBhc3M=");
    CHECK(basic("https://a:b@c:d@h/") == "Basic YTpiQGM6ZA==");                          // first : splits
    CHECK(basic("https://user:pässword@h/") == "Basic dXNlcjpww6Rzc3dvcmQ=");           // UTF-8 bytes
    CHECK(basic("https://user:p%C3%A4ssword@h/") == "Basic dXNlcjpww6Rzc3dvcmQ=");
    CHECK(basic("https://us er:pa ss@h/") == "Basic dXMgZXI6cGEgc3M=");
    CHECK(basic("https://u:%FF@h/") == "Basic dTr/");                                   // raw byte
    CHECK(basic("https://user:p%zz@h/") == "Basic dXNlcjpwJXp6");                       // bad escape kept
    CHECK(basic("https://h/").empty());
    CHECK(basic("https://@h/").empty());
}

TEST_CASE("url: percent_decode follows the standard", "[url]") {
    CHECK(percent_decode("") == "");
    CHECK(percent_decode("%41%4a%4A") == "AJJ");
    CHECK(percent_decode("%zz%4%") == "%zz%4%");
    CHECK(percent_decode("%%41") == "%A");
    CHECK(percent_decode("a%20b+c") == "a b+c");
    CHECK(percent_decode("%C3%A9") == "\xC3\xA9");
    CHECK(percent_decode("%00") == std::string(1, '\0'));
}

TEST_CASE("url: mask_url_password hides passwords in any text", "[url]") {
    CHECK(mask_url_password("https://user:secret@h/p") == "https://user:****@h/p");
    CHECK(mask_url_password("https://user@h/p") == "https://user@h/p");
    CHECK(mask_url_password("https://user:@h/p") == "https://user:@h/p");
    CHECK(mask_url_password("https://h/p?a=b:c@d") == "https://h/p?a=b:c@d");
    CHECK(mask_url_password("http://a:b@c:d@h/") == "http://a:****@h/");
    CHECK(mask_url_password("HTTP:user:pw@h") == "HTTP:user:****@h");
    CHECK(mask_url_password("ftp://u:pw@h") == "ftp://u:****@h");
    CHECK(mask_url_password("http:\\\\u:pw@h\\x") == "http:\\\\u:****@h\\x");
    CHECK(mask_url_password("https://u:pa ss@h") == "https://u:****@h");
    CHECK(mask_url_password("see https://a:1@x and https://b:2@y/z") == "see https://a:****@x and https://b:****@y/z");
    CHECK(mask_url_password("see https://a:1@x/ and https://b:2@y/z") ==
          "see https://a:****@x/ and https://b:****@y/z");
    CHECK(mask_url_password("no url: here@all") == "no url: here@all");
    // A forgotten scheme: the first word is the username.
    CHECK(mask_url_password("user:hunter2@api.example.com/hook") == "user:****@api.example.com/hook");
    CHECK(mask_url_password("//user:hunter2@h/") == "//user:****@h/");
    CHECK(mask_url_password("user:p:w@h") == "user:****@h");
    CHECK(mask_url_password("URL \"user:pw@h\" is bad") == "URL \"user:****@h\" is bad");
    CHECK(mask_url_password("x=user:pw@h") == "x=user:pw@h");  // mid-word: left alone
    CHECK(mask_url_password("javascript:alert(1)") == "javascript:alert(1)");
    CHECK(mask_url_password("") == "");
}

TEST_CASE("url: every invalid URL is a config error on the url field", "[url][errors]") {
    const std::vector<std::string> invalid = {
        "http://example.com:65536/",
        "http://example.com:99999/",
        "http://example.com:8a/",
        "http://example.com:-1/",
        "http://u;=[]^|:p/@example.com/",
        "http://user:pass@/",
        "http://user@",
        "http://",
        "http:",
        "http:///",
        "http://:80/",
        "http://[1:2:3:4:5:6:7:8:9]/",
        "http://[::1/",
        "http://[:1]/",
        "http://[1::2::3]/",
        "http://[::1.2.3]/",
        "http://[::1.2.3.04]/",
        "http://[::256.0.0.1]/",
        "http://[g::1]/",
        "http://1.2.3.4.5/",
        "http://256.0.0.1/",
        "http://4294967296/",
        "http://0xffffffff1/",
        "http://09.1/",
        "http://08/",
        "http://foo.09/",
        "http://foo.0x/",
        "http://foo.0x4/",
        "http://foo.1.2/",
        "http://999999999999999999999999/",
        "http://%25/",
        "http://%80/",
        "http://exa mple.com/",
        "http://exa<mple.com/",
        "http://exa^mple.com/",
        "http://exa|mple.com/",
        "http://exa%00mple.com/",
        "http://xn--a.com/",
        "http://xn--/",
        "http://xn---.com/",
        "http://a.xn--/",
        "http://xn--ab.com/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/",
        "ws://example.com/",
        "mailto:a@b.c",
        "example.com",
        "/relative/path",
        "//example.com/",
        "1http://example.com/",
        "ht tp://example.com/",
        "h+t.t-p://example.com/",
        "", "   ", "\t\n", "https://h/\xFF",
    };
    for (const std::string& input : invalid) {
        INFO("input: " << input);
        CHECK_FALSE(url_error(input).empty());
    }
}

TEST_CASE("url: error messages say what is wrong and mask the password", "[url][errors]") {
    using Catch::Matchers::Contains;
    std::string scheme = url_error("javascript:alert(1)");
    CHECK_THAT(scheme, Contains("\"javascript:alert(1)\"") && Contains("'javascript:'") && Contains("https://"));
    CHECK_THAT(url_error("file:///etc/passwd"), Contains("'file:'"));
    CHECK_THAT(url_error("ftp://u:hunter2@example.com/"), Contains("ftp://u:****@example.com/") && Contains("'ftp:'"));
    CHECK_THAT(url_error("example.com/path"), Contains("not an absolute URL"));
    CHECK_THAT(url_error("https://user:hunter2@/x"), Contains("empty host") && Contains("user:****@"));
    CHECK_THAT(url_error("https://"), Contains("empty host"));
    CHECK_THAT(url_error("https://user:hunter2@h:99999/"), Contains("99999") && Contains("65535"));
    CHECK_THAT(url_error("https://h:8a/"), Contains("invalid port"));
    CHECK_THAT(url_error("https://user:hunter2@münchen.de/"),
               Contains("non-ASCII host") && Contains("punycode") && Contains("user:****@m"));
    CHECK_THAT(url_error("https://%C3%A9.com/"), Contains("non-ASCII host"));
    CHECK_THAT(url_error("https://exa mple.com/"), Contains("a space"));
    CHECK_THAT(url_error("https://exa|mple.com/"), Contains("'|'"));
    CHECK_THAT(url_error("https://1.2.3.4.5/"), Contains("IPv4"));
    CHECK_THAT(url_error("https://[::1/"), Contains("IPv6"));
    CHECK_THAT(url_error("https://[1::2::3]/"), Contains("IPv6"));
    CHECK_THAT(url_error("https://xn--a.com/"), Contains("punycode"));
    // Punycode that decodes to code points IDNA never allows (Node rejects all of these):
    // U+E000, U+FDD0, U+FFFE, U+1FFFF, U+40000, U+E0001, U+FFFD, U+00AD, U+200B, a leading U+0300.
    for (const char* host : {"xn--a-ro7g", "xn--a-v49h", "xn--a-r10i", "xn--a-q17s", "xn--a-m114b", "xn--a-t011m",
                             "xn--a-p10i", "xn--a-uca", "xn--a-pgn", "xn--a-ubb"}) {
        INFO(host);
        CHECK_THAT(url_error(std::string("https://") + host + "/"), Contains("punycode"));
    }
    CHECK(parse_http_url("https://xn--a-v324a/").host == "xn--a-v324a");  // U+3134A, assigned in Unicode 13
    CHECK_THAT(url_error("https://h/\xFF"), Contains("UTF-8"));
    CHECK_THAT(url_error("  "), Contains("empty"));
    CHECK_THAT(url_error("https://exa\x01mple.com/"), Contains("\\x01"));
    for (std::string input : {"https://u:hunter2@%/", "http://u:hunter2@h:70000", "gopher://u:hunter2@h",
                              "https://u:hunter2@exa mple.com", "https://u:hunter2@[::g]/", "javascript://u:hunter2@h/",
                              "file://u:hunter2@h/etc", "ftp://u:hunter2@h/", "u:hunter2@api.example.com/hook",
                              "//u:hunter2@h/", "https://u:hunter2@/", "https://u:hunter2@münchen.de/",
                              "https://u:hunter2@h:99999/", "\x01https://u:hunter2@h\x01:x/"}) {
        INFO(input);
        std::string message = url_error(input);
        CHECK_THAT(message, !Contains("hunter2") && Contains("****"));
    }
    std::string long_url = "https://h:99999/" + std::string(1000, 'a');
    CHECK(url_error(long_url).size() < 400);
}
