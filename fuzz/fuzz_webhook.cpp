// Webhook config parse + compile + render + exports. The input is the config JSON text; a NUL
// byte splits off a user context JSON text (else a fixed context is used).
// Properties: only hooksmith::Error escapes, with the kinds webhook.md §5 allows at each stage;
// a rendered request obeys the wire rules that make it safe to send (no CR/LF/NUL in headers,
// an http(s) URL without userinfo); exports never throw; masked exports hide the signing secret.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/webhook.hpp"

using namespace hooksmith;

namespace {

const char* const kContextJson = R"({"userId": "u-42", "messageId": 5724036847910912,
  "userAttribute": {"First name": "Mary", "age": 37, "vip": true},
  "parameter": {"price": 19.99, "qty": 2, "source": "spring sale", "cart": [{"sku": "A1"}]}})";

Limits fuzz_limits() {
    Limits limits;
    limits.max_output_bytes = 64 * 1024;
    limits.max_loop_iterations = 20000;
    limits.max_range_length = 20000;
    return limits;
}

bool has_control(const std::string& text) {
    return text.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
}

void check_request(const Request& request) {
    FUZZ_CHECK(request.url.rfind("https://", 0) == 0 || request.url.rfind("http://", 0) == 0);
    FUZZ_CHECK(request.url.find('#') == std::string::npos);
    for (const auto& header : request.headers) {
        FUZZ_CHECK(!header.first.empty());
        FUZZ_CHECK(!has_control(header.first) && !has_control(header.second));
    }
    (void)to_curl(request, false);
    (void)to_curl(request, true);
    (void)to_http(request, false);
    (void)request_to_json(request).dump();
    (void)masked(request);
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// The masked export must drop at least the secret's own occurrence (it may legitimately also
// occur elsewhere, e.g. typed into a header value).
void check_masked_secret(const CompiledWebhook& webhook) {
    const auto& signing = webhook.config().signing;
    if (!signing || signing->secret.size() < 12) return;
    const std::size_t revealed = count_of(webhook.config_json(true), signing->secret);
    const std::size_t shown = count_of(webhook.config_json(false), signing->secret);
    FUZZ_CHECK(revealed >= 1 && shown < revealed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t split = input.find('\0');
    const std::string_view config_text = input.substr(0, split);
    const std::string_view context_text =
        split == std::string_view::npos ? std::string_view(kContextJson) : input.substr(split + 1);

    Context context;
    try {
        context = Context::from_json_text(context_text);
    } catch (const Error& error) {
        FUZZ_CHECK(error.kind == ErrorKind::input || error.kind == ErrorKind::limit);
        return 0;
    }

    try {
        const CompiledWebhook webhook = CompiledWebhook::compile(config_text, fuzz_limits());
        (void)webhook.variables();
        (void)webhook.config_json(false, 2);
        check_masked_secret(webhook);
        RenderInput render_input;
        render_input.id = "msg_fuzz";
        render_input.timestamp_seconds = 1614265330;
        try {
            check_request(webhook.render(context, render_input));
        } catch (const Error& error) {
            FUZZ_CHECK(error.kind == ErrorKind::render || error.kind == ErrorKind::missing ||
                       error.kind == ErrorKind::limit || error.kind == ErrorKind::config);
        }
    } catch (const Error& error) {
        FUZZ_CHECK(!error.message.empty());
        FUZZ_CHECK(error.kind == ErrorKind::input || error.kind == ErrorKind::config ||
                   error.kind == ErrorKind::syntax || error.kind == ErrorKind::limit);
    }
    return 0;
}
