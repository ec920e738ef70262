// The Embind shell: converts between JS and the core, nothing else. Every entry point answers
// with JSON text, {result…} or {error}, that js/core.mjs parses (HooksmithError comes from
// {error}) — except rendering, which reads and writes buffers in the Wasm heap (results.hpp,
// js/results.mjs) through two plain Wasm exports (no Embind invoker per call); compiled webhooks
// are numbered handles, not a bound class. A small Embind surface keeps its JS glue small
// (docs/performance.md, "Wasm size").
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#include "convert.hpp"
#include "linked_data.hpp"
#include "results.hpp"
#include "hooksmith/cors.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/template.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/signing.hpp"

namespace hs = hooksmith;
using hs::detail::append_json_string;
using hs::wasm::append_strings_json;
using hs::wasm::guarded_text;

namespace {

// Where the line from `start` ends: its newline, or the end of the batch. musl's memchr reads 4
// bytes at a time; the Node flavour (built with SIMD) reads 16.
std::size_t line_end(std::string_view all, std::size_t start) {
#ifdef __wasm_simd128__
    const v128_t newline = wasm_i8x16_splat('\n');
    for (; start + 16 <= all.size(); start += 16) {
        const v128_t block = wasm_v128_load(all.data() + start);
        if (const auto found = static_cast<std::uint32_t>(wasm_i8x16_bitmask(wasm_i8x16_eq(block, newline))))
            return start + static_cast<std::size_t>(__builtin_ctz(found));
    }
#endif
    return std::min(all.find('\n', start), all.size());
}

// The demo re-renders one template as the user types another field: keep the last compile.
const hs::Template& compiled_template(const std::string& source) {
    static std::optional<hs::Template> last;
    if (!last || last->source() != source) {
        last.reset();
        last = hs::Template::compile(source);
    }
    return *last;
}

std::string render_template(const std::string& source, const std::string& context_json, const std::string& missing) {
    return guarded_text([&](std::string& out) {
        hs::RenderOptions options;
        options.missing = hs::wasm::parse_missing(missing);
        const auto context = hs::Context::from_json_text(context_json);
        const std::string output = compiled_template(source).render(context, options);
        out += "{\"output\":";
        append_json_string(out, output);
        out += '}';
    });
}

std::string template_variables(const std::string& source) {
    return guarded_text([&](std::string& out) {
        const auto variables = compiled_template(source).variables();
        out += "{\"variables\":";
        append_strings_json(out, variables);
        out += '}';
    });
}

// A compiled webhook as JS sees it: rendering takes the context as JSON text.
class WebhookHandle {
public:
    explicit WebhookHandle(hs::CompiledWebhook webhook) : webhook_(std::move(webhook)) {}

    const hs::CompiledWebhook& webhook() const { return webhook_; }

    // Where JS writes the UTF-8 of what render/renderBatch read (TextEncoder.encodeInto straight
    // into the Wasm heap: no JS array, no copy into a std::string). At least `bytes` long; the
    // address holds until the next call.
    std::uintptr_t input_buffer(std::size_t bytes) {
        if (bytes <= kKeptBufferBytes && in_.size() > kKeptBufferBytes) std::string().swap(in_);
        if (in_.size() < bytes) in_.resize(bytes);
        return reinterpret_cast<std::uintptr_t>(in_.data());
    }

    // The id the next render with `has_id` signs with: a string argument is converted by Embind
    // (as every string from JS), the render call itself passes numbers only.
    void set_id(std::string id) { id_ = std::move(id); }

    // Renders the context whose JSON text is the first `length` bytes of the input buffer, with
    // the id given by set_id (when `has_id`) and `timestamp` Unix seconds (when `has_timestamp`).
    // Returns the address of the result records (results.hpp), valid until the next call.
    std::uintptr_t render(std::size_t length, bool has_id, bool has_timestamp, double timestamp) {
        records_.clear();
        records_.add_guarded([&] {
            return webhook_.render(hs::Context::from_json_text(input(length)), render_input(has_id, has_timestamp, timestamp));
        });
        return records_.publish();
    }

    // Many users in one call: the input holds one JSON text per line (none may contain a raw
    // newline); one result each, in order. A bad timestamp is one error for the whole batch.
    std::uintptr_t render_batch(std::size_t length, bool has_id, bool has_timestamp, double timestamp) {
        records_.clear();
        hs::RenderInput options;
        std::string_view all;
        try {
            options = render_input(has_id, has_timestamp, timestamp);
            all = input(length);
        } catch (const hs::Error& error) {
            records_.add_batch_error(error);
            return records_.publish();
        }
        std::size_t start = 0;
        while (true) {
            const std::size_t end = line_end(all, start);
            records_.add_guarded([&] {
                return webhook_.render(hs::Context::from_json_text(all.substr(start, end - start)), options);
            });
            if (end == all.size()) break;
            start = end + 1;
        }
        return records_.publish();
    }

    std::string report(const std::string& context_json) const {
        return guarded_text([&](std::string& out) {
            const hs::RenderReport report = webhook_.report(hs::Context::from_json_text(context_json));
            out += "{\"report\":{\"absentVariables\":";
            append_strings_json(out, report.absent_variables);
            out += ",\"warnings\":";
            append_strings_json(out, report.warnings);
            out += ",\"linkedDataNeeded\":";
            append_strings_json(out, report.linked_data_needed);
            out += "}}";
        });
    }

    // Linked Data's last step (linked_data.cpp), with the id and timestamp read as render reads them.
    std::string render_with_linked_data(const std::string& context_json, const std::string& answers_json, bool has_id,
                                        bool has_timestamp, double timestamp) const {
        return guarded_text([&](std::string& out) {
            out = hs::wasm::render_with_linked_data(webhook_, context_json, answers_json,
                                                    render_input(has_id, has_timestamp, timestamp));
        });
    }

    std::string variables() const {
        std::string out;
        append_strings_json(out, webhook_.variables());
        return out;
    }

private:
    hs::RenderInput render_input(bool has_id, bool has_timestamp, double seconds) const {
        hs::RenderInput input;
        if (has_id) input.id = id_;
        if (has_timestamp) {
            // The cast is undefined outside int64's range: ±1e15 s is far beyond any real date.
            if (!(std::fabs(seconds) <= 1e15)) throw hs::Error(hs::ErrorKind::input, "timestamp must be Unix seconds, a finite number");
            input.timestamp_seconds = static_cast<std::int64_t>(seconds);
        }
        return input;
    }

    std::string_view input(std::size_t length) const {
        if (length > in_.size()) throw hs::Error(hs::ErrorKind::input, "the input is longer than the buffer inputBuffer() returned");
        return std::string_view(in_.data(), length);
    }

    static constexpr std::size_t kKeptBufferBytes = hs::wasm::ResultRecords::kKeptBufferBytes;
    hs::CompiledWebhook webhook_;
    std::string in_;  // the input buffer, reused from call to call
    std::string id_;  // set_id's
    hs::wasm::ResultRecords records_;
};

// Compiled webhooks by handle number (index + 1); a deleted one's slot is reused. js/core.mjs
// never passes a deleted handle.
std::vector<std::unique_ptr<WebhookHandle>>& webhooks() {
    static std::vector<std::unique_ptr<WebhookHandle>> all;
    return all;
}

WebhookHandle& webhook(int handle) { return *webhooks()[static_cast<std::size_t>(handle - 1)]; }

std::string compile_webhook(const std::string& config_json) {
    return guarded_text([&](std::string& out) {
        auto compiled = std::make_unique<WebhookHandle>(hs::CompiledWebhook::compile(config_json));
        auto& all = webhooks();
        auto slot = std::find(all.begin(), all.end(), nullptr);
        if (slot == all.end()) slot = all.insert(all.end(), nullptr);
        *slot = std::move(compiled);
        out += "{\"webhook\":";
        out += std::to_string(slot - all.begin() + 1);
        out += '}';
    });
}

void delete_webhook(int handle) { webhooks()[static_cast<std::size_t>(handle - 1)].reset(); }

std::uintptr_t webhook_input_buffer(int handle, std::size_t bytes) { return webhook(handle).input_buffer(bytes); }
void webhook_set_id(int handle, const std::string& id) { webhook(handle).set_id(id); }
std::string webhook_report(int handle, const std::string& context_json) { return webhook(handle).report(context_json); }
#if !HOOKSMITH_LITE
// Linked Data (linked_data.cpp): JSON text in and out. The lite core has none (config.cpp).
std::string webhook_linked_data_needed(int handle, const std::string& context_json, const std::string& answers_json) {
    return hs::wasm::linked_data_needed(webhook(handle).webhook(), context_json, answers_json);
}
std::string webhook_render_with_linked_data(int handle, const std::string& context_json, const std::string& answers_json,
                                            bool has_id, bool has_timestamp, double timestamp) {
    return webhook(handle).render_with_linked_data(context_json, answers_json, has_id, has_timestamp, timestamp);
}
#endif
std::string webhook_variables(int handle) { return webhook(handle).variables(); }
std::string webhook_config_json(int handle, bool reveal) { return webhook(handle).webhook().config_json(reveal); }
std::string webhook_method(int handle) { return webhook(handle).webhook().method(); }
bool webhook_is_signed(int handle) { return webhook(handle).webhook().is_signed(); }
std::string webhook_missing(int handle) {
    return webhook(handle).webhook().missing_policy() == hs::MissingPolicy::jinja ? "jinja" : "suppress";
}
// The config's retry policy as JSON text, or "" when the config has none.
std::string webhook_retry_policy_json(int handle) {
    const auto& policy = webhook(handle).webhook().retry_policy();
    return policy ? hs::detail::retry_policy_json_text(*policy) : std::string();
}

// A request from JS arrives in pieces, after js/core.mjs has checked its shape: each string is
// converted by Embind as a std::string argument, and C++ reads no JS object.
hs::Request& pending_request() {
    static hs::Request request;
    return request;
}

void request_begin(const std::string& method, const std::string& url, bool has_body, const std::string& body) {
    hs::Request& request = pending_request();
    request = hs::Request();
    request.method = method;
    request.url = url;
    if (has_body) request.body = body;
}

void request_header(const std::string& name, const std::string& value) {
    pending_request().headers.emplace_back(name, value);
}

std::string text_result(const std::string& text) {
    std::string out = "{\"text\":";
    append_json_string(out, text);
    out += '}';
    return out;
}

// The next four work on the request given by request_begin / request_header.
std::string to_curl(bool reveal) {
    return guarded_text([&](std::string& out) { out = text_result(hs::to_curl(pending_request(), reveal)); });
}

std::string to_http(bool reveal) {
    return guarded_text([&](std::string& out) { out = text_result(hs::to_http(pending_request(), reveal)); });
}

std::string masked_request() {
    return guarded_text([&](std::string& out) {
        const hs::Request masked = hs::masked(pending_request());
        out += "{\"request\":";
        hs::wasm::append_request_json(out, masked);
        out += '}';
    });
}

std::string analyze_cors(const std::string& origin) {
    return guarded_text([&](std::string& out) {
        const hs::CorsAnalysis analysis = hs::analyze_cors(pending_request(), origin);
        out += "{\"cors\":{\"mode\":";
        append_json_string(out, analysis.mode);
        out += ",\"reasons\":";
        append_strings_json(out, analysis.reasons);
        out += ",\"requiredResponseHeaders\":";
        append_strings_json(out, analysis.required_response_headers);
        out += ",\"notes\":";
        append_strings_json(out, analysis.notes);
        out += "}}";
    });
}

// A preset name ("leanplum", "interactive") or the JSON text of a `retry` value → policy JSON text.
std::string resolve_retry_policy(const std::string& name_or_json) {
    return guarded_text([&](std::string& out) {
        const bool is_name = !name_or_json.empty() && name_or_json.front() != '{';
        const hs::RetryPolicy policy = is_name ? hs::RetryPolicy::preset(name_or_json)
                                               : hs::detail::retry_policy_from_json_text(name_or_json);
        out += "{\"policy\":";
        append_json_string(out, hs::detail::retry_policy_json_text(policy));
        out += '}';
    });
}

// An attempt's outcome {kind: "response"|"timeout"|"network_error", status, retryAfter}, member
// by member (js/core.mjs): status when it is a number, retryAfter when it is a string.
std::string next_retry(const std::string& policy_json, int attempts_made, const std::string& kind, bool has_status,
                       int status, bool has_retry_after, const std::string& retry_after, double now_seconds) {
    return guarded_text([&](std::string& out) {
        const hs::RetryPolicy policy = hs::detail::retry_policy_from_json_text(policy_json);
        hs::AttemptOutcome attempt;
        attempt.kind = kind == "timeout" ? hs::AttemptOutcome::timeout
                     : kind == "network_error" ? hs::AttemptOutcome::network_error
                     : hs::AttemptOutcome::response;
        if (has_status) attempt.status = status;
        if (has_retry_after) attempt.retry_after = retry_after;
        const hs::RetryDecision decision = hs::next_retry(policy, attempts_made, attempt, static_cast<std::int64_t>(now_seconds));
        out += "{\"decision\":{\"retry\":";
        out += decision.retry ? "true" : "false";
        out += ",\"success\":";
        out += decision.success ? "true" : "false";
        out += ",\"delayMs\":";
        out += std::to_string(decision.delay_ms);
        out += ",\"reason\":";
        append_json_string(out, decision.reason);
        out += "}}";
    });
}

std::string random_message_id() { return hs::detail::random_message_id(); }

// For leak tests and the demo's diagnostics: the Wasm heap's size and the bytes malloc holds.
std::string memory_usage() {
    return "{\"heapBytes\":" + std::to_string(emscripten_get_heap_size()) +
           ",\"allocatedBytes\":" + std::to_string(mallinfo().uordblks) + "}";
}

}  // namespace

// Rendering is called once per user (or per chunk of users): plain Wasm exports that JS calls
// with numbers, without Embind's invoker (a generic loop over argument converters, an array and a
// closure per call) or `val` arguments (a handle each, and calls back into JS to ask their type).
// js/core.mjs calls them as Module._hooksmith_webhook_render …; `has_id` uses webhookSetId's id.
extern "C" {
EMSCRIPTEN_KEEPALIVE std::uintptr_t hooksmith_webhook_render(int handle, std::uint32_t length, int has_id, int has_timestamp,
                                                             double timestamp) {
    return webhook(handle).render(length, has_id != 0, has_timestamp != 0, timestamp);
}
EMSCRIPTEN_KEEPALIVE std::uintptr_t hooksmith_webhook_render_batch(int handle, std::uint32_t length, int has_id,
                                                                   int has_timestamp, double timestamp) {
    return webhook(handle).render_batch(length, has_id != 0, has_timestamp != 0, timestamp);
}
}

EMSCRIPTEN_BINDINGS(hooksmith) {
    emscripten::function("renderTemplate", &render_template);
    emscripten::function("templateVariables", &template_variables);
    emscripten::function("compileWebhook", &compile_webhook);
    emscripten::function("deleteWebhook", &delete_webhook);
    emscripten::function("webhookInputBuffer", &webhook_input_buffer);
    emscripten::function("webhookSetId", &webhook_set_id);
    emscripten::function("webhookReport", &webhook_report);
#if !HOOKSMITH_LITE
    emscripten::function("webhookLinkedDataNeeded", &webhook_linked_data_needed);
    emscripten::function("webhookRenderWithLinkedData", &webhook_render_with_linked_data);
#endif
    emscripten::function("webhookVariables", &webhook_variables);
    emscripten::function("webhookConfigJson", &webhook_config_json);
    emscripten::function("webhookMethod", &webhook_method);
    emscripten::function("webhookIsSigned", &webhook_is_signed);
    emscripten::function("webhookMissing", &webhook_missing);
    emscripten::function("webhookRetryPolicyJson", &webhook_retry_policy_json);
    emscripten::function("requestBegin", &request_begin);
    emscripten::function("requestHeader", &request_header);
    emscripten::function("toCurl", &to_curl);
    emscripten::function("toHttp", &to_http);
    emscripten::function("maskedRequest", &masked_request);
    emscripten::function("analyzeCors", &analyze_cors);
    emscripten::function("resolveRetryPolicy", &resolve_retry_policy);
    emscripten::function("nextRetry", &next_retry);
    emscripten::function("randomMessageId", &random_message_id);
    emscripten::function("memoryUsage", &memory_usage);
}
