#include "linked_data.hpp"

#include <cstdint>

#include "convert.hpp"
#include "hooksmith/linked_data.hpp"
#include "webhook/encode.hpp"

namespace hooksmith::wasm {

// JSON text written like every other result of the shell (convert.hpp): no nlohmann objects.
std::string linked_data_needed(const CompiledWebhook& webhook, const std::string& context_json,
                               const std::string& answers_json) {
    return guarded_text([&](std::string& out) {
        const auto context = Context::from_json_text(context_json);
        const auto fetches = webhook.linked_data_needed(context, parse_linked_data_answers(answers_json));
        out += "{\"fetches\":[";
        bool first = true;
        for (const LinkedDataFetch& fetch : fetches) {
            if (!first) out += ',';
            first = false;
            out += "{\"source\":";
            detail::append_json_string(out, fetch.source);
            out += ",\"parameter\":";
            if (fetch.parameter) detail::append_json_string(out, *fetch.parameter);
            else out += "null";
            out += ",\"request\":";
            append_request_json(out, fetch.request);
            out += '}';
        }
        out += "]}";
    });
}

std::string render_with_linked_data(const CompiledWebhook& webhook, const std::string& context_json,
                                    const std::string& answers_json, const RenderInput& input) {
    return guarded_text([&](std::string& out) {
        const auto context = Context::from_json_text(context_json);
        const Context resolved = webhook.with_linked_data(context, parse_linked_data_answers(answers_json));
        const Request request = webhook.render(resolved, input);
        out += "{\"request\":";
        append_request_json(out, request);
        out += '}';
    });
}

}  // namespace hooksmith::wasm
