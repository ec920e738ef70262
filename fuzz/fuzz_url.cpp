// The WHATWG URL parser/serializer (core/src/webhook/url.hpp) and its helpers.
// Properties: failures are Error{config} with field "url" that never quote the password;
// serialization is idempotent (parsing an href gives the same href); the request form has no
// userinfo or fragment; Basic credentials round-trip through base64.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/base64.hpp"
#include "fuzz_check.hpp"
#include "hooksmith/error.hpp"
#include "webhook/url.hpp"

using namespace hooksmith;
using hooksmith::detail::ParsedUrl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    (void)detail::mask_url_password(input);
    (void)detail::percent_decode(input);

    ParsedUrl url;
    try {
        url = detail::parse_http_url(input);
    } catch (const Error& error) {
        FUZZ_CHECK(error.kind == ErrorKind::config);
        FUZZ_CHECK(error.field == "url");
        return 0;
    }
    FUZZ_CHECK(url.scheme == "http" || url.scheme == "https");
    FUZZ_CHECK(!url.host.empty());
    FUZZ_CHECK(!url.path.empty() && url.path[0] == '/');

    const std::string href = url.href();
    ParsedUrl again;
    try {
        again = detail::parse_http_url(href);
    } catch (const Error&) {
        FUZZ_CHECK(!"a serialized URL must parse again");
    }
    FUZZ_CHECK(again.href() == href);

    const std::string for_request = url.href_for_request();
    FUZZ_CHECK(for_request.find('#') == std::string::npos);
    FUZZ_CHECK(detail::parse_http_url(for_request).has_credentials() == false);
    FUZZ_CHECK(detail::parse_http_url(for_request).href() == for_request);

    const std::string authorization = detail::basic_authorization(url);
    FUZZ_CHECK(authorization.empty() == !url.has_credentials());
    if (!authorization.empty()) {
        FUZZ_CHECK(authorization.rfind("Basic ", 0) == 0);
        const auto decoded = crypto::base64_decode(authorization.substr(6));
        FUZZ_CHECK(decoded.has_value());
        FUZZ_CHECK(*decoded == detail::percent_decode(url.username) + ":" +
                                   detail::percent_decode(url.password));
    }
    if (!url.password.empty()) {
        // The userinfo is masked; the same text may still occur as data in the path or query.
        const std::string masked = detail::mask_url_password(href);
        FUZZ_CHECK(masked.rfind(url.scheme + "://" + url.username + ":****@", 0) == 0);
    }
    return 0;
}
