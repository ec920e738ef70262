// The render fast path: a URL accepted by is_canonical_request_url must be exactly what the full
// WHATWG parse would send, without credentials. Checked over hand-picked corners and over many
// generated URL-like strings (seeded, reproducible) against parse_http_url.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "hooksmith/error.hpp"
#include "webhook/url.hpp"

using hooksmith::detail::is_canonical_request_url;
using hooksmith::detail::parse_http_url;

namespace {

// What the render path would send without the fast path; "" when the URL is rejected or
// carries credentials (the fast path must then say false).
std::string sent_by_full_parse(const std::string& url) {
    try {
        auto parsed = parse_http_url(url);
        if (parsed.has_credentials()) return "";
        return parsed.href_for_request();
    } catch (const hooksmith::Error&) {
        return "";
    }
}

void check_agrees(const std::string& url) {
    if (!is_canonical_request_url(url)) return;
    INFO("url: " << url);
    CHECK(sent_by_full_parse(url) == url);
    // render_request_json writes an accepted URL into JSON text as it is unless it holds a
    // backslash: no quote, control byte or non-ASCII byte may be accepted.
    for (const char c : url) CHECK((c != '"' && static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80));
}

}  // namespace

TEST_CASE("canonical url: plain webhook URLs take the fast path", "[url][fast]") {
    for (const char* url : {"https://hooks.example.com/u/user-1/red%20shoes%20%231?country=us",
                            "http://127.0.0.1.example/x", "https://a.b-c.d/p/q;r=s@t:u~v!$&'()*+,",
                            "https://api.example.com/?", "https://api.example.com/a?b=c&d=%zz/?:@"}) {
        INFO(url);
        CHECK(is_canonical_request_url(url));
        check_agrees(url);
    }
}

TEST_CASE("canonical url: anything the parser would change goes the slow way", "[url][fast]") {
    for (const char* url : {
             "HTTPS://hooks.example.com/", "https://Hooks.example.com/", "https://hooks.example.com",
             "https://hooks.example.com:443/", "https://hooks.example.com:8443/", "https://u:p@hooks.example.com/",
             "https://u@hooks.example.com/", "https://hooks.example.com/a/../b", "https://hooks.example.com/./b",
             "https://hooks.example.com/%2e/b", "https://hooks.example.com/%2E%2E/b", "https://hooks.example.com/a b",
             "https://hooks.example.com/a|b", "https://hooks.example.com/a^b", "https://hooks.example.com/{x}",
             "https://hooks.example.com/a`b", "https://hooks.example.com/a\\b", "https://hooks.example.com/#frag",
             "https://hooks.example.com/?q=#f", "https://hooks.example.com/?q='x'", "https://hooks.example.com/?a b",
             "https://hooks.example.com/\xc3\xa9", "https://h\xc3\xa9.example/", "https://xn--h-bga.example/",
             "https://1.2.3.4/", "https://example.123/", "https://example.0x1/", "https://-a.example/",
             "https://a..b/", "https://example.com./", " https://example.com/", "https://example.com/\t",
             "https://[::1]/", "ftp://example.com/", "https:example.com/", "https:///example.com/"}) {
        INFO(url);
        CHECK_FALSE(is_canonical_request_url(url));
    }
}

TEST_CASE("canonical url: agrees with the full parse on generated URLs", "[url][fast]") {
    std::mt19937 rng(20261128);
    const std::vector<std::string> schemes = {"https://", "http://", "HTTP://", "https:/", "https:"};
    const std::vector<std::string> hosts = {"hooks.example.com", "a", "x-1.io", "EXAMPLE.com", "1.2.3.4", "a.0x10",
                                            "xn--bcher-kva.example", "a..b", "h:8080", "h:443", "u:p@h", "[::1]",
                                            "h%41", "-h", "h-", "h.99", "h.com."};
    const std::string hostile = "abz09/./..%2e%2E?#&=;:@!$'()*+,-._~ \"<>^|`{}\\\t\xc3\xa9";
    const std::string tame = "abz09/-._~%?=&";
    int fast = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string url = schemes[rng() % schemes.size()] + hosts[rng() % hosts.size()];
        const std::string& alphabet = rng() % 2 ? hostile : tame;
        std::size_t length = rng() % 14;
        if (rng() % 4 != 0) url += '/';
        for (std::size_t k = 0; k < length; ++k) {
            std::size_t at = rng() % alphabet.size();
            url += alphabet[at];
        }
        if (is_canonical_request_url(url)) ++fast;
        check_agrees(url);
    }
    CHECK(fast > 300);  // the generator does reach the fast path (623 with this seed)
}
