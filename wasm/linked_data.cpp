#include "linked_data.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <new>
#include <optional>

#include "hooksmith/export.hpp"
#include "hooksmith/linked_data.hpp"

namespace hooksmith::wasm {

namespace {

using nlohmann::ordered_json;

ordered_json error_json(const Error& error) {
    ordered_json out = {{"kind", to_string(error.kind)}, {"message", error.message}};
    if (!error.field.empty()) out["field"] = error.field;
    if (!error.variable.empty()) out["variable"] = error.variable;
    if (error.line > 0) {
        out["line"] = error.line;
        out["column"] = error.column;
    }
    return out;
}

// Like guarded() in convert.hpp, for entry points that answer with JSON text.
template <typename Body>
std::string guarded_json(Body&& body) {
    ordered_json out;
    try {
        out = body();
    } catch (const Error& error) {
        out = {{"error", error_json(error)}};
    } catch (const std::bad_alloc&) {
        out = {{"error", error_json(Error(ErrorKind::limit, "out of memory"))}};
    } catch (const std::exception& error) {
        out = {{"error", error_json(Error(ErrorKind::render, std::string("internal error: ") + error.what()))}};
    }
    // Bodies and messages can hold any bytes: replace invalid UTF-8 rather than throw here.
    return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string linked_data_needed(const CompiledWebhook& webhook, const std::string& context_json,
                               const std::string& answers_json) {
    return guarded_json([&] {
        const auto context = Context::from_json_text(context_json);
        ordered_json fetches = ordered_json::array();
        for (const LinkedDataFetch& fetch : webhook.linked_data_needed(context, parse_linked_data_answers(answers_json))) {
            fetches.push_back({{"source", fetch.source},
                               {"parameter", fetch.parameter ? ordered_json(*fetch.parameter) : ordered_json(nullptr)},
                               {"request", request_to_json(fetch.request)}});
        }
        return ordered_json{{"fetches", std::move(fetches)}};
    });
}

std::string render_with_linked_data(const CompiledWebhook& webhook, const std::string& context_json,
                                    const std::string& answers_json, const emscripten::val& id,
                                    const emscripten::val& timestamp) {
    return guarded_json([&] {
        RenderInput input;
        if (id.isString()) input.id = id.as<std::string>();
        if (timestamp.isNumber()) {
            const double seconds = timestamp.as<double>();
            // A cast of NaN or of an out-of-range double is undefined behaviour.
            if (!(seconds > -1e15 && seconds < 1e15)) throw Error(ErrorKind::input, "timestamp must be Unix seconds");
            input.timestamp_seconds = static_cast<std::int64_t>(seconds);
        }
        const auto context = Context::from_json_text(context_json);
        const Context resolved = webhook.with_linked_data(context, parse_linked_data_answers(answers_json));
        return ordered_json{{"request", request_to_json(webhook.render(resolved, input))}};
    });
}

}  // namespace hooksmith::wasm
