// The Embind shell: converts between JS and the core, nothing else. Every entry point catches
// and returns errors as values, because an exception escaping into JS would lose its type.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "hooksmith/template.hpp"

using emscripten::val;

namespace {

val error_to_val(const hooksmith::Error& error) {
    val out = val::object();
    out.set("kind", hooksmith::to_string(error.kind));
    out.set("message", error.message);
    if (!error.field.empty()) out.set("field", error.field);
    if (!error.variable.empty()) out.set("variable", error.variable);
    if (error.line > 0) {
        out.set("line", error.line);
        out.set("column", error.column);
    }
    return out;
}

val failure(const hooksmith::Error& error) {
    val out = val::object();
    out.set("error", error_to_val(error));
    return out;
}

val internal_failure(const std::exception& e) {
    return failure(hooksmith::Error(hooksmith::ErrorKind::render,
                                    std::string("internal error: ") + e.what()));
}

hooksmith::MissingPolicy parse_missing(const std::string& missing) {
    if (missing == "jinja") return hooksmith::MissingPolicy::jinja;
    if (missing == "suppress" || missing.empty()) return hooksmith::MissingPolicy::suppress;
    throw hooksmith::Error(hooksmith::ErrorKind::config,
                           "missing must be \"suppress\" or \"jinja\", not \"" + missing + "\"");
}

val render_template(const std::string& source, const std::string& context_json,
                    const std::string& missing) {
    try {
        hooksmith::RenderOptions options;
        options.missing = parse_missing(missing);
        const auto context = hooksmith::Context::from_json_text(context_json);
        const auto compiled = hooksmith::Template::compile(source);
        val out = val::object();
        out.set("output", compiled.render(context, options));
        return out;
    } catch (const hooksmith::Error& e) {
        return failure(e);
    } catch (const std::exception& e) {
        return internal_failure(e);
    }
}

val template_variables(const std::string& source) {
    try {
        const auto compiled = hooksmith::Template::compile(source);
        val names = val::array();
        for (const auto& name : compiled.variables()) names.call<void>("push", name);
        val out = val::object();
        out.set("variables", names);
        return out;
    } catch (const hooksmith::Error& e) {
        return failure(e);
    } catch (const std::exception& e) {
        return internal_failure(e);
    }
}

}  // namespace

EMSCRIPTEN_BINDINGS(hooksmith) {
    emscripten::function("renderTemplate", &render_template);
    emscripten::function("templateVariables", &template_variables);
}
