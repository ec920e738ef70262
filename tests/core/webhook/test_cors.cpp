// What the browser will do with a rendered request (spec §7), per the Fetch standard's CORS rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "hooksmith/cors.hpp"
#include "hooksmith/error.hpp"

using hooksmith::analyze_cors;
using hooksmith::CorsAnalysis;
using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::Request;

namespace {

const std::string dashboard = "https://dashboard.example.com";

Request request(std::string method, std::string url, std::vector<std::pair<std::string, std::string>> headers = {},
                std::optional<std::string> body = std::nullopt) {
    return Request{std::move(method), std::move(url), std::move(headers), std::move(body)};
}

bool contains(const std::vector<std::string>& items, const std::string& wanted) {
    return std::find(items.begin(), items.end(), wanted) != items.end();
}

bool any_contains(const std::vector<std::string>& items, const std::string& part) {
    return std::any_of(items.begin(), items.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("cors: a form POST without custom headers is simple", "[cors]") {
    CorsAnalysis a = analyze_cors(request("POST", "https://api.example.com/hook",
                                          {{"Content-Type", "application/x-www-form-urlencoded"}}, "a=b"),
                                  dashboard);
    CHECK(a.mode == "simple");
    CHECK(a.reasons.empty());
    CHECK(a.required_response_headers ==
          std::vector<std::string>{"Access-Control-Allow-Origin: https://dashboard.example.com"});
    CHECK(any_contains(a.notes, "cannot read the response"));
    CHECK(any_contains(a.notes, "Access-Control-Expose-Headers: Retry-After"));
}

TEST_CASE("cors: safelisted content types, parameters and case", "[cors]") {
    for (const char* type : {"text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x",
                             "Application/X-WWW-Form-Urlencoded", " text/plain ", "TEXT/PLAIN ; charset=utf-8"}) {
        INFO(type);
        CHECK(analyze_cors(request("POST", "https://api.example.com/", {{"Content-Type", type}}, "x"), dashboard).mode ==
              "simple");
    }
    for (const char* type : {"application/json", "application/json; charset=utf-8", "text/html", "text/plain2",
                             "text", "text/", "/plain", "text/plain(x)", "text /plain"}) {
        INFO(type);
        CHECK(analyze_cors(request("POST", "https://api.example.com/", {{"Content-Type", type}}, "x"), dashboard).mode ==
              "preflight");
    }
}

TEST_CASE("cors: a JSON body needs a preflight", "[cors]") {
    CorsAnalysis a = analyze_cors(request("POST", "https://api.example.com/hook", {{"Content-Type", "application/json"}},
                                          "{}"),
                                  dashboard);
    CHECK(a.mode == "preflight");
    CHECK(a.reasons == std::vector<std::string>{"Content-Type application/json is not a CORS-safelisted type"});
    CHECK(a.required_response_headers ==
          std::vector<std::string>{"Access-Control-Allow-Origin: https://dashboard.example.com",
                                   "Access-Control-Allow-Headers: content-type"});
    CHECK(any_contains(a.notes, "OPTIONS preflight to https://api.example.com/hook"));
}

TEST_CASE("cors: Authorization and custom headers are listed explicitly, sorted, lower-case", "[cors]") {
    CorsAnalysis a = analyze_cors(request("POST", "https://api.example.com/users/42",
                                          {{"Content-Type", "application/json"},
                                           {"Authorization", "Basic dXNlcjpzZWNyZXQ="},
                                           {"X-Campaign", "5724036847910912"}},
                                          "{}"),
                                  dashboard);
    CHECK(a.mode == "preflight");
    CHECK(contains(a.reasons, "Authorization header"));
    CHECK(contains(a.reasons, "custom header X-Campaign"));
    CHECK(contains(a.reasons, "Content-Type application/json is not a CORS-safelisted type"));
    CHECK(contains(a.required_response_headers, "Access-Control-Allow-Headers: authorization, content-type, x-campaign"));
    CHECK(any_contains(a.notes, "wildcard * does not cover it"));
}

TEST_CASE("cors: a custom header alone makes a form POST preflighted", "[cors]") {
    CorsAnalysis a = analyze_cors(request("POST", "https://api.example.com/",
                                          {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Campaign", "1"}},
                                          "a=b"),
                                  dashboard);
    CHECK(a.mode == "preflight");
    CHECK(a.reasons == std::vector<std::string>{"custom header X-Campaign"});
    CHECK(contains(a.required_response_headers, "Access-Control-Allow-Headers: x-campaign"));
}

TEST_CASE("cors: PUT, DELETE and PATCH need a preflight that allows the method", "[cors]") {
    for (const char* method : {"PUT", "DELETE", "PATCH"}) {
        INFO(method);
        CorsAnalysis a = analyze_cors(request(method, "https://api.example.com/x"), dashboard);
        CHECK(a.mode == "preflight");
        CHECK(a.reasons == std::vector<std::string>{std::string("method ") + method});
        CHECK(a.required_response_headers ==
              std::vector<std::string>{"Access-Control-Allow-Origin: https://dashboard.example.com",
                                       std::string("Access-Control-Allow-Methods: ") + method});
    }
}

TEST_CASE("cors: GET and HEAD with no headers are simple", "[cors]") {
    CHECK(analyze_cors(request("GET", "https://api.example.com/?a=b"), dashboard).mode == "simple");
    CHECK(analyze_cors(request("HEAD", "https://api.example.com/"), dashboard).mode == "simple");
    CHECK(analyze_cors(request("POST", "https://api.example.com/"), dashboard).mode == "simple");
}

TEST_CASE("cors: safelisted header values have limits", "[cors]") {
    auto mode_with = [](const std::string& name, const std::string& value) {
        return analyze_cors(request("GET", "https://api.example.com/", {{name, value}}), dashboard).mode;
    };
    CHECK(mode_with("Accept", "application/json") == "simple");
    CHECK(mode_with("Accept", "*/*;q=0.8") == "simple");
    CHECK(mode_with("Accept", "text/html(1)") == "preflight");  // CORS-unsafe byte '('
    CHECK(mode_with("Accept", "a@b") == "preflight");
    CHECK(mode_with("Accept", std::string(128, 'a')) == "simple");
    CHECK(mode_with("Accept", std::string(129, 'a')) == "preflight");
    CHECK(mode_with("Accept-Language", "en-US,en;q=0.9") == "simple");
    CHECK(mode_with("Content-Language", "de-DE") == "simple");
    CHECK(mode_with("Accept-Language", "en_US") == "preflight");
    CHECK(mode_with("Range", "bytes=0-") == "simple");
    CHECK(mode_with("Range", "bytes=5-10") == "simple");
    CHECK(mode_with("Range", "bytes=10-5") == "preflight");
    CHECK(mode_with("Range", "bytes=-5") == "preflight");
    CHECK(mode_with("Range", "bytes=0-1,3-4") == "preflight");
    CHECK(mode_with("Range", "bytes=99999999999999999999999-999999999999999999999999") == "simple");
    CHECK(mode_with("Cache-Control", "no-cache") == "preflight");

    // More than 1024 bytes of safelisted values in total make all of them unsafe.
    std::vector<std::pair<std::string, std::string>> many = {
        {"Accept", std::string(128, 'a')}, {"Accept-Language", std::string(128, 'b')},
        {"Content-Language", std::string(128, 'c')}};
    CHECK(analyze_cors(request("GET", "https://api.example.com/", many), dashboard).mode == "simple");
    for (int i = 0; i < 6; ++i) many.emplace_back("Accept", std::string(128, 'd'));
    CorsAnalysis a = analyze_cors(request("GET", "https://api.example.com/", many), dashboard);
    CHECK(a.mode == "preflight");
    CHECK(contains(a.required_response_headers, "Access-Control-Allow-Headers: accept, accept-language, content-language"));
}

TEST_CASE("cors: mixed content is blocked, loopback is allowed", "[cors]") {
    CorsAnalysis blocked = analyze_cors(request("POST", "http://api.example.com/hook"), dashboard);
    CHECK(blocked.mode == "blocked");
    CHECK(any_contains(blocked.reasons, "mixed content"));
    CHECK(any_contains(blocked.reasons, "use https://"));
    CHECK(analyze_cors(request("POST", "http://10.0.0.1/"), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "http://localhost.example.com/"), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "http://128.0.0.1/"), dashboard).mode == "blocked");

    for (const char* url : {"http://127.0.0.1:8787/hook", "http://127.1.2.3/", "http://localhost:3000/",
                            "http://LOCALHOST/", "http://[::1]:8080/", "http://api.localhost/", "http://0x7f.1/"}) {
        INFO(url);
        CorsAnalysis a = analyze_cors(request("POST", url), dashboard);
        CHECK(a.mode == "simple");
        CHECK(any_contains(a.notes, "loopback"));
    }
    // An http page may fetch http; an http page may fetch https.
    CHECK(analyze_cors(request("POST", "http://api.example.com/"), "http://dashboard.example.com").mode == "simple");
    CHECK(analyze_cors(request("POST", "https://api.example.com/"), "http://dashboard.example.com").mode == "simple");
    // Blocked still reports what the receiver would need once fixed.
    CorsAnalysis json = analyze_cors(request("PUT", "http://api.example.com/", {{"Content-Type", "application/json"}}, "{}"),
                                     dashboard);
    CHECK(json.mode == "blocked");
    CHECK(contains(json.reasons, "method PUT"));
    CHECK(contains(json.required_response_headers, "Access-Control-Allow-Methods: PUT"));
}

TEST_CASE("cors: same origin needs no CORS", "[cors]") {
    CorsAnalysis a = analyze_cors(request("PUT", "https://dashboard.example.com:443/api/hook",
                                          {{"Content-Type", "application/json"}, {"X-Campaign", "1"}}, "{}"),
                                  "https://dashboard.example.com/campaigns/7?tab=webhook");
    CHECK(a.mode == "same-origin");
    CHECK(a.reasons.empty());
    CHECK(a.required_response_headers.empty());
    // Same host, other port or scheme: cross-origin.
    CHECK(analyze_cors(request("PUT", "https://dashboard.example.com:8443/"), dashboard).mode == "preflight");
    CHECK(analyze_cors(request("GET", "http://localhost:8080/"), "http://localhost:3000").mode == "simple");
    CHECK(analyze_cors(request("GET", "http://localhost:3000/x"), "http://localhost:3000").mode == "same-origin");
}

TEST_CASE("cors: requests fetch() refuses are blocked", "[cors]") {
    CHECK(analyze_cors(request("GET", "https://api.example.com/", {}, "body"), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("HEAD", "https://api.example.com/", {}, ""), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("TRACE", "https://api.example.com/"), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "https://u:p@api.example.com/"), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "https://api.example.com/", {{"X-A", "a\r\nb"}}), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "https://api.example.com/", {{"X A", "a"}}), dashboard).mode == "blocked");
    CHECK(analyze_cors(request("POST", "https://api.example.com/", {{"X-A", "\xE2\x82\xAC"}}), dashboard).mode ==
          "blocked");
    CHECK(analyze_cors(request("GET", "https://dashboard.example.com/", {}, "x"), dashboard).mode == "blocked");
}

TEST_CASE("cors: forbidden headers are dropped, not preflighted", "[cors]") {
    CorsAnalysis a = analyze_cors(request("POST", "https://api.example.com/", {{"Cookie", "a=b"}, {"Sec-Foo", "1"}}),
                                  dashboard);
    CHECK(a.mode == "simple");
    CHECK(any_contains(a.notes, "Cookie is a forbidden request header"));
    CHECK(any_contains(a.notes, "Sec-Foo is a forbidden request header"));
}

TEST_CASE("cors: unknown and opaque page origins; bad origins are config errors", "[cors]") {
    CorsAnalysis unknown = analyze_cors(request("POST", "http://api.example.com/"), "");
    CHECK(unknown.mode == "simple");  // mixed content not checked
    CHECK(contains(unknown.required_response_headers, "Access-Control-Allow-Origin: <the page's origin>"));
    CHECK(any_contains(unknown.notes, "origin is unknown"));

    CorsAnalysis opaque = analyze_cors(request("POST", "https://api.example.com/"), "null");
    CHECK(opaque.mode == "simple");
    CHECK(contains(opaque.required_response_headers, "Access-Control-Allow-Origin: null"));

    try {
        analyze_cors(request("POST", "https://api.example.com/"), "dashboard");
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "origin");
    }
    CHECK_THROWS_AS(analyze_cors(request("POST", "ftp://api.example.com/"), dashboard), Error);
}
