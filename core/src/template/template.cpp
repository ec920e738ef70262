// Template: compile once into an immutable Program, render many times.
#include "hooksmith/template.hpp"

#include "hooksmith/value.hpp"
#include "template/analysis.hpp"
#include "template/evaluator.hpp"
#include "template/lexer.hpp"
#include "template/message.hpp"
#include "template/parser.hpp"
#include "template/program.hpp"

namespace hooksmith {

Template Template::compile(std::string_view source, const Limits& limits) {
    if (source.size() > limits.max_template_bytes)
        detail::throw_error(ErrorKind::limit, {"template is ", source.size(), " bytes, larger than the limit of ",
                                               limits.max_template_bytes});
    auto program = std::make_shared<detail::Program>();
    program->original_source = std::string(source);
    program->source = detail::normalize_source(source);
    program->limits = limits;
    program->sym_loop = program->symbols.intern("loop");
    program->sym_caller = program->symbols.intern("caller");
    program->sym_varargs = program->symbols.intern("varargs");
    program->sym_kwargs = program->symbols.intern("kwargs");
    program->sym_filter_body = program->symbols.intern(" filter body");
    detail::parse(*program);
    detail::analyze(*program);
    Template t;
    t.program_ = std::move(program);
    return t;
}

void Template::render_to(std::string& out, const Context& context, const RenderOptions& options) const {
    if (!program_) throw Error(ErrorKind::render, "rendering a template that was never compiled");
    std::size_t start = out.size();
    try {
        detail::Evaluator evaluator(*program_, context, options, out);
        evaluator.run();
    } catch (...) {
        out.resize(start);
        throw;
    }
}

void detail::RenderSession::fail_not_compiled() {
    throw Error(ErrorKind::render, "rendering a template that was never compiled");
}

std::string Template::render(const Context& context, const RenderOptions& options) const {
    std::string out;
    render_to(out, context, options);
    return out;
}

const std::vector<std::string>& Template::variables() const {
    static const std::vector<std::string> none;
    return program_ ? program_->variables : none;
}

const std::string& Template::source() const {
    static const std::string empty;
    return program_ ? program_->original_source : empty;
}

}  // namespace hooksmith
