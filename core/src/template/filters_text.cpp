// String filters: case, padding, escaping, truncation, URL encoding, word handling.
#include <algorithm>
#include <array>
#include <string>

#include "template/decimal.hpp"
#include "template/filters.hpp"
#include "template/methods.hpp"
#include "template/operators.hpp"
#include "template/params.hpp"
#include "template/recycler.hpp"
#include "template/utf8.hpp"

namespace hooksmith::detail {

namespace {

std::int64_t int_param(Evaluator& ev, const Value& v, std::int64_t fallback, const Expr& node, const char* what) {
    if (v.is_undefined()) return fallback;
    if (v.is_int() || v.is_bool()) return v.as_int();
    ev.fail(node, what, ": expected an integer, got '", v.type_name(), "'");
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\'': out += "&#39;"; break;
            case '"': out += "&#34;"; break;
            default: out += c;
        }
    }
    return out;
}

// Bytes url_quote keeps as they are ('/' only outside a query).
constexpr auto url_safe_bytes = [] {
    std::array<bool, 256> safe{};
    for (int c = 0; c < 256; ++c)
        safe[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                  c == '-' || c == '~';
    return safe;
}();

void url_quote(std::string& out, std::string_view s, bool for_query) {
    static const char hex[] = "0123456789ABCDEF";
    // Written through a pointer into room for the worst case (every byte %XX), then trimmed.
    const std::size_t start = out.size();
    out.resize(start + 3 * s.size());
    char* d = out.data() + start;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (url_safe_bytes[c] || (c == '/' && !for_query)) {
            *d++ = ch;
        } else if (c == ' ' && for_query) {
            *d++ = '+';
        } else {
            d[0] = '%';
            d[1] = hex[c >> 4];
            d[2] = hex[c & 15];
            d += 3;
        }
    }
    out.resize(static_cast<std::size_t>(d - out.data()));
}

std::vector<std::string> split_lines(const std::string& s) {
    // Python's str.splitlines (the common line boundaries).
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' || c == '\x1e') {
            lines.push_back(s.substr(start, i - start));
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
}

std::string html_unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') { out += s[i]; continue; }
        std::size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 10) { out += s[i]; continue; }
        std::string entity = s.substr(i + 1, semi - i - 1);
        std::string rep;
        if (entity == "amp") rep = "&";
        else if (entity == "lt") rep = "<";
        else if (entity == "gt") rep = ">";
        else if (entity == "quot") rep = "\"";
        else if (entity == "apos") rep = "'";
        else if (entity == "nbsp") rep = "\xC2\xA0";
        else if (entity.size() > 1 && entity[0] == '#') {
            char32_t cp = 0;
            bool ok = true;
            bool hexa = entity[1] == 'x' || entity[1] == 'X';
            for (std::size_t k = hexa ? 2 : 1; k < entity.size(); ++k) {
                char c = entity[k];
                int d = (c >= '0' && c <= '9') ? c - '0' : hexa && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
                if (d < 0 || cp > 0x10FFFF) { ok = false; break; }
                cp = cp * (hexa ? 16 : 10) + static_cast<char32_t>(d);
            }
            if (ok && cp <= 0x10FFFF) utf8::append(rep, cp);
        }
        if (rep.empty()) { out += s[i]; continue; }
        out += rep;
        i = semi;
    }
    return out;
}


bool wrap_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Python's textwrap.TextWrapper chunking: whitespace runs, words, and (optionally) hyphenated
// word parts (`well-` `known`).
std::vector<std::u32string> wrap_chunks(const std::u32string& text, bool break_on_hyphens) {
    std::vector<std::u32string> chunks;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        if (wrap_space(text[i])) {
            while (j < text.size() && wrap_space(text[j])) ++j;
        } else {
            while (j < text.size() && !wrap_space(text[j])) {
                if (break_on_hyphens && text[j] == '-' && j >= i + 2 && utf8::is_alpha(text[j - 1]) &&
                    utf8::is_alpha(text[j - 2]) && j + 2 < text.size() + 0 && j + 1 < text.size() &&
                    utf8::is_alpha(text[j + 1]) &&
                    ((j + 2 < text.size() && utf8::is_alpha(text[j + 2])) ||
                     (j + 3 < text.size() && text[j + 2] == '-' && utf8::is_alpha(text[j + 3])))) {
                    ++j;
                    break;
                }
                ++j;
            }
        }
        chunks.push_back(text.substr(i, j - i));
        i = j;
    }
    return chunks;
}

bool blank(const std::u32string& chunk) {
    for (char32_t c : chunk)
        if (!utf8::is_space(c)) return false;
    return true;
}

std::vector<std::u32string> text_wrap(const std::u32string& text, std::size_t width, bool break_long,
                                      bool break_on_hyphens) {
    std::vector<std::u32string> chunks = wrap_chunks(text, break_on_hyphens);
    std::reverse(chunks.begin(), chunks.end());
    std::vector<std::u32string> lines;
    while (!chunks.empty()) {
        std::vector<std::u32string> line;
        std::size_t len = 0;
        if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
        while (!chunks.empty() && len + chunks.back().size() <= width) {
            len += chunks.back().size();
            line.push_back(chunks.back());
            chunks.pop_back();
        }
        if (!chunks.empty() && chunks.back().size() > width) {
            std::size_t space_left = width > len ? width - len : 1;
            if (width < 1) space_left = 1;
            if (break_long) {
                std::u32string& chunk = chunks.back();
                std::size_t end = space_left;
                if (break_on_hyphens && chunk.size() > space_left) {
                    std::size_t hyphen = chunk.rfind(U'-', space_left - 1);
                    if (hyphen != std::u32string::npos && hyphen > 0 && hyphen < space_left &&
                        chunk.find_first_not_of(U'-') < hyphen)
                        end = hyphen + 1;
                }
                line.push_back(chunk.substr(0, end));
                chunk = chunk.substr(end);
            } else if (line.empty()) {
                line.push_back(chunks.back());
                chunks.pop_back();
            }
        }
        if (!line.empty() && blank(line.back())) line.pop_back();
        if (!line.empty()) {
            std::u32string joined;
            for (const auto& c : line) joined += c;
            lines.push_back(joined);
        }
    }
    return lines;
}

}  // namespace

Value f_capitalize(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    return Value(python_capitalize(ev.text(input, node)));
}

Value f_center(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "center", {"width"});
    std::string s = ev.text(input, node);
    std::int64_t width = int_param(ev, p.get(0), 80, node, "center");
    std::int64_t len = static_cast<std::int64_t>(utf8::length(s));
    if (width <= len) return Value(s);
    ev.check_size(static_cast<std::size_t>(width), node.offset);
    std::int64_t total = width - len;
    std::int64_t left = total / 2 + (total & width & 1);
    return Value(std::string(static_cast<std::size_t>(left), ' ') + s +
                 std::string(static_cast<std::size_t>(total - left), ' '));
}

Value f_escape(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_markup()) return input;
    return Value::markup(html_escape(ev.text(input, node)));
}

Value f_forceescape(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    return Value::markup(html_escape(ev.text(input, node)));
}

Value f_format(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    std::string format = ev.text(input, node);
    if (!args.positional.empty() && !args.keywords.empty())
        ev.fail(node, "can't handle positional and keyword arguments at the same time");
    if (!args.keywords.empty()) {
        Dict d;
        for (auto& kw : args.keywords) d.set(Value(kw.first), kw.second);
        return Value(percent_format(ev, format, Value::dict(std::move(d)), node));
    }
    return Value(percent_format(ev, format, Value::list(args.positional, true), node));
}

Value f_indent(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "indent", {"width", "first", "blank"});
    std::string indention;
    if (p.get(0).is_string()) indention = p.get(0).as_string();
    else {
        std::int64_t width = std::max<std::int64_t>(0, int_param(ev, p.get(0), 4, node, "indent"));
        ev.check_size(static_cast<std::uint64_t>(width), node.offset);
        indention = std::string(static_cast<std::size_t>(width), ' ');
    }
    std::string s = ev.text(input, node) + "\n";
    std::vector<std::string> lines = split_lines(s);
    ev.check_size(s.size() + lines.size() * indention.size(), node.offset);
    std::string rv;
    if (p.get(2).truthy()) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i) rv += "\n" + indention;
            rv += lines[i];
        }
    } else {
        rv = lines.empty() ? std::string() : lines[0];
        for (std::size_t i = 1; i < lines.size(); ++i) {
            rv += "\n";
            if (!lines[i].empty()) rv += indention;
            rv += lines[i];
        }
    }
    if (p.get(1).truthy()) rv = indention + rv;
    ev.check_size(rv.size(), node.offset);
    return Value(std::move(rv));
}

void lower_text(Evaluator&, std::string_view input, const CallArgs&, const Expr&, std::string& out) {
    utf8::append_lower(out, input);
}
void lower_into(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out) {
    std::string storage;
    lower_text(ev, ev.text_ref(input, node, storage), args, node, out);
}
Value f_lower(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(lower_into, ev, input, args, node);
}

void upper_text(Evaluator&, std::string_view input, const CallArgs&, const Expr&, std::string& out) {
    utf8::append_upper(out, input);
}
void upper_into(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out) {
    std::string storage;
    upper_text(ev, ev.text_ref(input, node, storage), args, node, out);
}
Value f_upper(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(upper_into, ev, input, args, node);
}

Value f_replace(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "replace", {"old", "new", "count"});
    std::string s = ev.text(input, node);
    std::string out = python_replace(ev, node, s, ev.text(p.get(0), node), ev.text(p.get(1), node),
                                     p.get(2).is_undefined() || p.get(2).is_none() ? -1 : int_param(ev, p.get(2), -1, node, "replace"));
    ev.check_size(out.size(), node.offset);
    return Value(std::move(out));
}

Value f_safe(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    if (input.is_markup()) return input;
    return Value::markup(ev.text(input, node));
}

Value f_string(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) { return Value(ev.text(input, node)); }

Value f_striptags(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    std::string s = ev.text(input, node);
    std::string no_tags;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 4, "<!--") == 0) {
            std::size_t end = s.find("-->", i + 4);
            if (end != std::string::npos) { i = end + 3; continue; }
        }
        if (s[i] == '<') {
            std::size_t end = s.find('>', i + 1);
            if (end != std::string::npos) { i = end + 1; continue; }
        }
        no_tags += s[i++];
    }
    std::vector<Value> words = python_split(no_tags, Value(), -1);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) joined += ' ';
        joined += words[i].as_string();
    }
    return Value(html_unescape(joined));
}

void title_into(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out) {
    std::string storage;
    title_text(ev, ev.text_ref(input, node, storage), args, node, out);
}
void title_text(Evaluator&, std::string_view s, const CallArgs&, const Expr&, std::string& out) {
    // Jinja: split on runs of [-\s({[<] (kept), then each piece: first char upper, rest lower.
    auto is_sep = [](char32_t c) { return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || utf8::is_space(c); };
    if (utf8::is_ascii(s)) {  // the same rule byte by byte, without decoding code points
        const std::size_t start = out.size();
        out.resize(start + s.size());
        bool previous_sep = false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            // is_sep on ASCII, inline: utf8::is_space's ASCII members are ' ', \t … \r, 0x1C … 0x1F
            const bool sep = c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || c == ' ' ||
                             (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
            const bool upper = i == 0 || sep != previous_sep;
            out[start + i] = upper ? (c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c)
                           : (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
            previous_sep = sep;
        }
        return;
    }
    out.reserve(out.size() + s.size());
    bool previous_sep = false, first = true;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = utf8::next_code_point(s, i);
        bool sep = is_sep(c);
        // The first character of each run (of separators or of other characters) is upper-cased.
        utf8::append(out, first || sep != previous_sep ? utf8::to_upper(c) : utf8::to_lower(c));
        previous_sep = sep;
        first = false;
    }
}
Value f_title(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(title_into, ev, input, args, node);
}

void trim_into(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node, std::string& out) {
    Params p(ev, args, node, "trim", {"chars"});  // before the input's text: its errors come first
    std::string storage;
    append_python_strip(out, ev.text_ref(input, node, storage), p.get(0), true, true);
}
void trim_text(Evaluator& ev, std::string_view input, const CallArgs& args, const Expr& node, std::string& out) {
    Params p(ev, args, node, "trim", {"chars"});
    append_python_strip(out, input, p.get(0), true, true);
}
Value f_trim(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(trim_into, ev, input, args, node);
}

Value f_truncate(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "truncate", {"length", "killwords", "end", "leeway"});
    std::u32string s = utf8::decode(ev.text(input, node));
    std::int64_t length = int_param(ev, p.get(0), 255, node, "truncate");
    bool killwords = p.get(1).truthy();
    std::u32string end = utf8::decode(p.has(2) ? ev.text(p.get(2), node) : std::string("..."));
    std::int64_t leeway = p.get(3).is_none() ? 5 : int_param(ev, p.get(3), 5, node, "truncate");
    std::int64_t end_len = static_cast<std::int64_t>(end.size());
    if (length < end_len) ev.fail(node, {"expected length >= ", end_len, ", got ", length});
    if (leeway < 0) ev.fail(node, {"expected leeway >= 0, got ", leeway});
    std::int64_t size = static_cast<std::int64_t>(s.size());
    if (size <= length || size - length <= leeway) return Value(utf8::encode(s));
    std::u32string head = s.substr(0, static_cast<std::size_t>(length - end_len));
    if (!killwords) {
        std::size_t space = head.rfind(U' ');
        if (space != std::u32string::npos) head = head.substr(0, space);
    }
    return Value(utf8::encode(head + end));
}

void urlencode_into(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node, std::string& out) {
    if (input.is_dict() || input.is_list()) {
        std::vector<std::pair<Value, Value>> pairs;
        if (input.is_dict()) {
            for (const auto& e : input.as_dict().entries()) pairs.emplace_back(e.first, e.second);
        } else {
            for (const auto& item : input.as_list()) {
                if (!item.is_list() || item.as_list().size() != 2)
                    ev.fail(node, "urlencode expects a mapping or a sequence of pairs");
                pairs.emplace_back(item.as_list()[0], item.as_list()[1]);
            }
        }
        bool first = true;
        for (const auto& kv : pairs) {
            if (!first) out += '&';
            first = false;
            url_quote(out, ev.text(kv.first, node), true);
            out += '=';
            url_quote(out, ev.text(kv.second, node), true);
        }
        return;
    }
    std::string storage;
    url_quote(out, ev.text_ref(input, node, storage), false);
}
Value f_urlencode(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    return string_result(urlencode_into, ev, input, args, node);
}

Value f_wordcount(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    std::int64_t count = 0;
    bool in_word = false;
    for (char32_t c : utf8::decode(ev.text(input, node))) {
        bool word = utf8::is_alnum(c) || c == '_' || (c >= 0x80 && !utf8::is_space(c) && c != 0xA0 && !(c >= 0x2000 && c <= 0x206F));
        if (word && !in_word) ++count;
        in_word = word;
    }
    return Value(count);
}

Value f_wordwrap(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "wordwrap", {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
    std::int64_t width = int_param(ev, p.get(0), 79, node, "wordwrap");
    if (width <= 0) ev.fail(node, {"invalid width ", width, " (must be > 0)"});
    bool break_long = p.has(1) ? p.get(1).truthy() : true;
    std::string wrapstring = p.has(2) && !p.get(2).is_none() ? ev.text(p.get(2), node) : std::string("\n");
    bool break_on_hyphens = p.has(3) ? p.get(3).truthy() : true;
    std::string s = ev.text(input, node);
    std::string result;
    std::vector<std::string> paragraphs = split_lines(s);
    for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
        if (pi) result += wrapstring;
        std::vector<std::u32string> lines = text_wrap(utf8::decode(paragraphs[pi]), static_cast<std::size_t>(width),
                                                      break_long, break_on_hyphens);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i) result += wrapstring;
            result += utf8::encode(lines[i]);
        }
    }
    ev.check_size(result.size(), node.offset);
    return Value(result);
}

Value f_xmlattr(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "xmlattr", {"autospace"});
    if (!input.is_dict()) ev.fail(node, "xmlattr expects a mapping");
    std::string out;
    for (const auto& e : input.as_dict().entries()) {
        if (e.second.is_none() || e.second.is_undefined()) continue;
        std::string key = ev.text(e.first, node);
        for (char c : key)
            if (c == ' ' || c == '/' || c == '>' || c == '=' || c == '\t' || c == '\n')
                ev.fail(node, {"Invalid character in attribute name: '", key, "'"});
        if (!out.empty()) out += ' ';
        out += html_escape(key) + "=\"" + html_escape(ev.text(e.second, node)) + "\"";
    }
    if (!out.empty() && (!p.has(0) || p.get(0).truthy())) out.insert(0, " ");
    return Value(out);
}

Value f_filesizeformat(Evaluator& ev, const Value& input, const CallArgs& args, const Expr& node) {
    Params p(ev, args, node, "filesizeformat", {"binary"});
    double bytes;
    if (input.is_number()) bytes = input.as_double();
    else if (!input.is_string() || !parse_python_float(input.as_string(), bytes))
        ev.fail(node, "filesizeformat expects a number");
    bool binary = p.get(0).truthy();
    double base = binary ? 1024 : 1000;
    static const char* const dec[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    static const char* const bin[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    if (bytes == 1) return Value(std::string("1 Byte"));
    if (bytes < base) {
        return Value(std::to_string(static_cast<int>(bytes)) + " Bytes");
    }
    double unit = base;
    for (int i = 0; i < 8; ++i) {
        unit = 1;
        for (int k = 0; k < i + 2; ++k) unit *= base;
        if (bytes < unit || i == 7) {
            return Value(decimal::fixed(base * bytes / unit, 1) + " " + (binary ? bin[i] : dec[i]));
        }
    }
    return Value();
}

// Python's pprint.pformat; equal to repr() for values that fit on one 80-column line (the
// multi-line layout of longer values is not reproduced).
Value f_pprint(Evaluator& ev, const Value& input, const CallArgs&, const Expr& node) {
    std::string out;
    if (!input.append_repr(out, ev.limits().max_output_bytes)) ev.check_size(out.size() + 1, node.offset);
    return Value(out);
}

}  // namespace hooksmith::detail
