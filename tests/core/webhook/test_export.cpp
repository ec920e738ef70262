// Exports of a Request: cURL (POSIX shell), HTTP/1.1 text, JSON; masking unless reveal.
#include <catch2/catch.hpp>

#include <cstdio>
#include <unistd.h>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "hooksmith/hooksmith.hpp"  // the umbrella must compile on its own

using namespace hooksmith;

namespace {

Request spec_request() {
    Request request;
    request.method = "POST";
    request.url = "https://api.example.com/users/42?src=spring%20sale";
    request.headers = {{"Content-Type", "application/json"},
                       {"Authorization", "Basic dXNlcjpzZWNyZXQ="},
                       {"X-Campaign", "5724036847910912"}};
    request.body = R"({"first_name":"Mary","total":39.98})";
    return request;
}

// Runs `command` in /bin/sh with `curl` replaced by a function that prints each argument
// followed by a NUL, then its stdin (for `--data-binary @-`): what curl would have received.
std::string shell_arguments_of(const std::string& command) {
    const std::string script = "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; "
                               "case \"$*\" in *@-*) cat ;; esac; }\n" + command + "\n";
    const std::string path = "/tmp/hooksmith_test_export_" + std::to_string(::getpid()) + ".sh";
    {
        std::ofstream file(path, std::ios::binary);
        file << script;
    }
    FILE* pipe = ::popen(("/bin/sh " + path).c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    std::size_t count;
    while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, count);
    ::pclose(pipe);
    std::remove(path.c_str());
    return output;
}

std::string nul_joined(const std::vector<std::string>& arguments) {
    std::string joined;
    for (const auto& argument : arguments) {
        joined += argument;
        joined += '\0';
    }
    return joined;
}

}  // namespace

TEST_CASE("curl: the §3 request, Authorization masked", "[export][curl]") {
    CHECK(to_curl(spec_request()) ==
          "curl -X POST 'https://api.example.com/users/42?src=spring%20sale' \\\n"
          "  -H 'Content-Type: application/json' \\\n"
          "  -H 'Authorization: Basic ****' \\\n"
          "  -H 'X-Campaign: 5724036847910912' \\\n"
          "  --data-binary '{\"first_name\":\"Mary\",\"total\":39.98}'");
}

TEST_CASE("curl: reveal shows the real credentials", "[export][curl]") {
    const std::string command = to_curl(spec_request(), true);
    CHECK(command.find("-H 'Authorization: Basic dXNlcjpzZWNyZXQ='") != std::string::npos);
    CHECK(command.find("****") == std::string::npos);
}

TEST_CASE("curl: POSIX shell passes every byte through single quotes", "[export][curl]") {
    Request request;
    request.method = "PUT";
    request.url = "https://x.test/it's?a=$HOME&b=`id`";
    request.headers = {{"X-Quote", "O'Brien \"$x\" \\n"}};
    request.body = std::string("it's $(echo PWNED) `x` \\ \" ' \n\t\x01 \xC3\xA9 %s %% '' end");
    const std::string command = to_curl(request, true);
    CHECK(shell_arguments_of(command) ==
          nul_joined({"-X", "PUT", request.url, "-H", "X-Quote: O'Brien \"$x\" \\n", "--data-binary", *request.body}));
}

TEST_CASE("curl: a body with NUL bytes is piped in through printf", "[export][curl]") {
    Request request;
    request.method = "POST";
    request.url = "https://x.test/";
    request.headers = {{"Content-Type", "text/plain"}};
    const char raw[] = "a\0b' \\0 %d \\\\ \xFF";
    request.body = std::string(raw, sizeof raw - 1);
    const std::string command = to_curl(request);
    CHECK(command.rfind("printf '", 0) == 0);
    CHECK(command.find("--data-binary @-") != std::string::npos);
    CHECK(shell_arguments_of(command) ==
          nul_joined({"-X", "POST", "https://x.test/", "-H", "Content-Type: text/plain", "--data-binary", "@-"}) +
              *request.body);
}

TEST_CASE("curl: no body, no --data-binary", "[export][curl]") {
    Request request;
    request.method = "GET";
    request.url = "https://x.test/s?q=a+b";
    CHECK(to_curl(request) == "curl -X GET 'https://x.test/s?q=a+b'");
}

TEST_CASE("http: request line, Host first, headers in order, Content-Length, CRLF", "[export][http]") {
    CHECK(to_http(spec_request()) ==
          "POST /users/42?src=spring%20sale HTTP/1.1\r\n"
          "Host: api.example.com\r\n"
          "Content-Type: application/json\r\n"
          "Authorization: Basic ****\r\n"
          "X-Campaign: 5724036847910912\r\n"
          "Content-Length: 35\r\n"
          "\r\n"
          "{\"first_name\":\"Mary\",\"total\":39.98}");
    CHECK(to_http(spec_request(), true).find("Authorization: Basic dXNlcjpzZWNyZXQ=\r\n") != std::string::npos);
}

TEST_CASE("http: a non-default port stays in Host; GET has no Content-Length", "[export][http]") {
    Request request;
    request.method = "GET";
    request.url = "http://[::1]:8080/?q=1";
    CHECK(to_http(request) == "GET /?q=1 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n");
}

TEST_CASE("http: an empty body still has Content-Length: 0", "[export][http]") {
    Request request;
    request.method = "POST";
    request.url = "https://x.test/form";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    request.body = "";
    CHECK(to_http(request) ==
          "POST /form HTTP/1.1\r\nHost: x.test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          "Content-Length: 0\r\n\r\n");
}

TEST_CASE("json: method, url, headers, body in this order; no body is null", "[export][json]") {
    CHECK(request_to_json(spec_request()).dump() ==
          R"({"method":"POST","url":"https://api.example.com/users/42?src=spring%20sale",)"
          R"("headers":[["Content-Type","application/json"],["Authorization","Basic dXNlcjpzZWNyZXQ="],)"
          R"(["X-Campaign","5724036847910912"]],"body":"{\"first_name\":\"Mary\",\"total\":39.98}"})");
    Request get;
    get.method = "GET";
    get.url = "https://x.test/";
    CHECK(request_to_json(get).dump() == R"({"method":"GET","url":"https://x.test/","headers":[],"body":null})");
}

TEST_CASE("masking: Authorization credentials hidden, scheme kept", "[export]") {
    CHECK(mask_authorization("Basic dXNlcjpzZWNyZXQ=") == "Basic ****");
    CHECK(mask_authorization("Bearer abc.def") == "Bearer ****");
    CHECK(mask_authorization("token") == "****");
    const Request shown = masked(spec_request());
    CHECK(shown.headers[1].second == "Basic ****");
    CHECK(shown.headers[2].second == "5724036847910912");
    CHECK(shown.url == spec_request().url);
    CHECK(shown.body == spec_request().body);
}
