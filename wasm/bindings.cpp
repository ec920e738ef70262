// The Embind shell: converts between JS and the core, nothing else. Every entry point returns
// {result…} or {error}; the JS module (js/*.mjs) turns errors into HooksmithError.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "convert.hpp"
#include "linked_data.hpp"
#include "hooksmith/cors.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/template.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/signing.hpp"

using emscripten::val;
namespace hs = hooksmith;
using hs::wasm::guarded;

namespace {

// Parsed from a pointer range, like every JSON text in the core: one instance of nlohmann's parser.
nlohmann::ordered_json parse_json_text(const std::string& text) {
    return nlohmann::ordered_json::parse(text.data(), text.data() + text.size());
}

val with(const char* name, val value) {
    val out = val::object();
    out.set(name, value);
    return out;
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

val render_template(const std::string& source, const std::string& context_json, const std::string& missing) {
    return guarded([&] {
        hs::RenderOptions options;
        options.missing = hs::wasm::parse_missing(missing);
        const auto context = hs::Context::from_json_text(context_json);
        return with("output", val(compiled_template(source).render(context, options)));
    });
}

val template_variables(const std::string& source) {
    return guarded([&] { return with("variables", hs::wasm::strings_to_val(compiled_template(source).variables())); });
}

// A compiled webhook as JS sees it: rendering takes the context as JSON text.
class WebhookHandle {
public:
    explicit WebhookHandle(hs::CompiledWebhook webhook) : webhook_(std::move(webhook)) {}

    // `id` is a string or null/undefined; `timestamp` Unix seconds or null/undefined.
    // Returns `{"request":…}` or `{"error":…}` as UTF-8 JSON text: a view of this handle's
    // buffer, valid until the next call (webhook.mjs decodes it at once).
    val render_json(const std::string& context_json, const val& id, const val& timestamp) const {
        out_.clear();
        hs::wasm::append_guarded_request(out_, [&] {
            return webhook_.render(hs::Context::from_json_text(context_json), render_input(id, timestamp));
        });
        return out_view();
    }

    // Many users in one call: `contexts` holds one JSON text per line (none may contain a raw
    // newline); returns the JSON array of their `{"request"}`/`{"error"}` results, in order.
    val render_batch_json(const std::string& contexts, const val& id, const val& timestamp) const {
        // A huge earlier batch should not pin its buffer for the handle's lifetime.
        if (out_.capacity() > kKeptBufferBytes) std::string().swap(out_);
        out_.clear();
        hs::RenderInput input;
        try {
            input = render_input(id, timestamp);
        } catch (const hs::Error& error) {
            out_ += "{\"error\":";
            hs::wasm::append_error_json(out_, error);
            out_ += '}';
            return out_view();
        }
        out_.reserve(contexts.size() * 2);
        out_ += '[';
        const std::string_view all(contexts);
        std::size_t start = 0;
        while (true) {
            const std::size_t end = std::min(all.find('\n', start), all.size());
            if (start != 0) out_ += ',';
            hs::wasm::append_guarded_request(out_, [&] {
                return webhook_.render(hs::Context::from_json_text(all.substr(start, end - start)), input);
            });
            if (end == all.size()) break;
            start = end + 1;
        }
        out_ += ']';
        return out_view();
    }

    val report(const std::string& context_json) const {
        return guarded([&] {
            const hs::RenderReport report = webhook_.report(hs::Context::from_json_text(context_json));
            val out = val::object();
            out.set("absentVariables", hs::wasm::strings_to_val(report.absent_variables));
            out.set("warnings", hs::wasm::strings_to_val(report.warnings));
            out.set("linkedDataNeeded", hs::wasm::strings_to_val(report.linked_data_needed));
            return with("report", out);
        });
    }

    // Linked Data (linked_data.cpp): JSON text in and out.
    std::string linked_data_needed(const std::string& context_json, const std::string& answers_json) const {
        return hs::wasm::linked_data_needed(webhook_, context_json, answers_json);
    }
    std::string render_with_linked_data(const std::string& context_json, const std::string& answers_json,
                                        const val& id, const val& timestamp) const {
        return hs::wasm::render_with_linked_data(webhook_, context_json, answers_json, id, timestamp);
    }

    val variables() const { return hs::wasm::strings_to_val(webhook_.variables()); }
    std::string config_json(bool reveal) const { return webhook_.config_json(reveal); }
    std::string method() const { return webhook_.method(); }
    bool is_signed() const { return webhook_.is_signed(); }
    std::string missing() const {
        return webhook_.missing_policy() == hs::MissingPolicy::jinja ? "jinja" : "suppress";
    }
    // The config's retry policy as JSON text, or "" when the config has none.
    std::string retry_policy_json() const {
        const auto& policy = webhook_.retry_policy();
        return policy ? policy->to_json().dump() : std::string();
    }

private:
    static hs::RenderInput render_input(const val& id, const val& timestamp) {
        hs::RenderInput input;
        if (id.isString()) input.id = id.as<std::string>();
        if (timestamp.isNumber()) {
            const double seconds = timestamp.as<double>();
            // The cast is undefined outside int64's range: ±1e15 s is far beyond any real date.
            if (!(std::fabs(seconds) <= 1e15)) throw hs::Error(hs::ErrorKind::input, "timestamp must be Unix seconds, a finite number");
            input.timestamp_seconds = static_cast<std::int64_t>(seconds);
        }
        return input;
    }

    val out_view() const {
        return val(emscripten::typed_memory_view(out_.size(), reinterpret_cast<const unsigned char*>(out_.data())));
    }

    static constexpr std::size_t kKeptBufferBytes = 1 << 20;
    hs::CompiledWebhook webhook_;
    mutable std::string out_;  // the last render's JSON text, reused to avoid an allocation per call
};

val compile_webhook(const std::string& config_json) {
    return guarded([&] { return with("webhook", val(WebhookHandle(hs::CompiledWebhook::compile(config_json)))); });
}

val to_curl(const val& request, bool reveal) {
    return guarded([&] { return with("text", val(hs::to_curl(hs::wasm::request_from_val(request), reveal))); });
}

val to_http(const val& request, bool reveal) {
    return guarded([&] { return with("text", val(hs::to_http(hs::wasm::request_from_val(request), reveal))); });
}

val masked_request(const val& request) {
    return guarded([&] { return with("request", hs::wasm::request_to_val(hs::masked(hs::wasm::request_from_val(request)))); });
}

val analyze_cors(const val& request, const std::string& origin) {
    return guarded([&] {
        const hs::CorsAnalysis analysis = hs::analyze_cors(hs::wasm::request_from_val(request), origin);
        val out = val::object();
        out.set("mode", analysis.mode);
        out.set("reasons", hs::wasm::strings_to_val(analysis.reasons));
        out.set("requiredResponseHeaders", hs::wasm::strings_to_val(analysis.required_response_headers));
        out.set("notes", hs::wasm::strings_to_val(analysis.notes));
        return with("cors", out);
    });
}

// A preset name ("leanplum", "interactive") or the JSON text of a `retry` value → policy JSON text.
val resolve_retry_policy(const std::string& name_or_json) {
    return guarded([&] {
        const bool is_name = !name_or_json.empty() && name_or_json.front() != '{';
        const hs::RetryPolicy policy = is_name ? hs::RetryPolicy::preset(name_or_json)
                                               : hs::RetryPolicy::from_json(parse_json_text(name_or_json));
        return with("policy", val(policy.to_json().dump()));
    });
}

// outcome: {kind: "response"|"timeout"|"network_error", status, retryAfter}
val next_retry(const std::string& policy_json, int attempts_made, const val& outcome, double now_seconds) {
    return guarded([&] {
        const hs::RetryPolicy policy = hs::RetryPolicy::from_json(parse_json_text(policy_json));
        hs::AttemptOutcome attempt;
        const std::string kind = outcome["kind"].as<std::string>();
        attempt.kind = kind == "timeout" ? hs::AttemptOutcome::timeout
                     : kind == "network_error" ? hs::AttemptOutcome::network_error
                     : hs::AttemptOutcome::response;
        if (outcome["status"].isNumber()) attempt.status = outcome["status"].as<int>();
        if (outcome["retryAfter"].isString()) attempt.retry_after = outcome["retryAfter"].as<std::string>();
        const hs::RetryDecision decision = hs::next_retry(policy, attempts_made, attempt, static_cast<std::int64_t>(now_seconds));
        val out = val::object();
        out.set("retry", decision.retry);
        out.set("success", decision.success);
        out.set("delayMs", static_cast<double>(decision.delay_ms));
        out.set("reason", decision.reason);
        return with("decision", out);
    });
}

std::string random_message_id() { return hs::detail::random_message_id(); }

// For leak tests and the demo's diagnostics: the Wasm heap's size and the bytes malloc holds.
val memory_usage() {
    val out = val::object();
    out.set("heapBytes", static_cast<double>(emscripten_get_heap_size()));
    out.set("allocatedBytes", static_cast<double>(mallinfo().uordblks));
    return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(hooksmith) {
    emscripten::class_<WebhookHandle>("WebhookHandle")
        .function("renderJson", &WebhookHandle::render_json)
        .function("renderBatchJson", &WebhookHandle::render_batch_json)
        .function("report", &WebhookHandle::report)
        .function("linkedDataNeeded", &WebhookHandle::linked_data_needed)
        .function("renderWithLinkedData", &WebhookHandle::render_with_linked_data)
        .function("variables", &WebhookHandle::variables)
        .function("configJson", &WebhookHandle::config_json)
        .function("method", &WebhookHandle::method)
        .function("isSigned", &WebhookHandle::is_signed)
        .function("missing", &WebhookHandle::missing)
        .function("retryPolicyJson", &WebhookHandle::retry_policy_json);
    emscripten::function("renderTemplate", &render_template);
    emscripten::function("templateVariables", &template_variables);
    emscripten::function("compileWebhook", &compile_webhook);
    emscripten::function("toCurl", &to_curl);
    emscripten::function("toHttp", &to_http);
    emscripten::function("maskedRequest", &masked_request);
    emscripten::function("analyzeCors", &analyze_cors);
    emscripten::function("resolveRetryPolicy", &resolve_retry_policy);
    emscripten::function("nextRetry", &next_retry);
    emscripten::function("randomMessageId", &random_message_id);
    emscripten::function("memoryUsage", &memory_usage);
}
