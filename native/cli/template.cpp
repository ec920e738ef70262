// `hooksmith template`: render bare templates, one per stdin line.
#include <iostream>
#include <string>

#include "cli.hpp"
#include "jsonl.hpp"
#include "hooksmith/template.hpp"

namespace hooksmith::cli {

namespace {

constexpr const char* kHelp = R"(usage: hooksmith template --jsonl

Reads {"template":"...","context":{...},"missing":"suppress"|"jinja"} lines from stdin and prints
one {"output":"..."} or {"error":{"kind","message","line","column",...}} line for each, in order.
`missing` defaults to "suppress" (Leanplum's rule); "jinja" gives exact Jinja2 output.
)";

MissingPolicy missing_policy(const nlohmann::ordered_json& input) {
    const auto found = input.find("missing");
    if (found == input.end() || found->is_null()) return MissingPolicy::suppress;
    if (*found == "suppress") return MissingPolicy::suppress;
    if (*found == "jinja") return MissingPolicy::jinja;
    Error error(ErrorKind::config, "missing must be \"suppress\" or \"jinja\"");
    error.field = "missing";
    throw error;
}

}  // namespace

int run_template(int argc, char** argv) {
    const auto args = parse_arguments(argc, argv, 2, {}, {"--jsonl"});
    if (args.has_flag("--help")) {
        std::cout << kHelp;
        return ok;
    }
    if (!args.has_flag("--jsonl") || !args.positional.empty()) {
        throw Error(ErrorKind::input, "template takes --jsonl and reads stdin (see hooksmith template --help)");
    }
    CompileCache<Template> templates;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::ordered_json out;
        try {
            const auto input = parse_line_object(line);
            const auto source = input.find("template");
            if (source == input.end() || !source->is_string()) {
                throw Error(ErrorKind::input, "each line needs \"template\" as a string");
            }
            RenderOptions options;
            options.missing = missing_policy(input);
            const auto& compiled = templates.get(source->get<std::string>(),
                                                 [](const std::string& text) { return Template::compile(text); });
            out["output"] = compiled.render(Context::from_json_text(member_as_json_text(input, "context")), options);
        } catch (const Error& error) {
            out = nlohmann::ordered_json{{"error", error_to_json(error)}};
        }
        std::cout << to_line(out) << '\n';
    }
    std::cout.flush();
    return ok;
}

}  // namespace hooksmith::cli
