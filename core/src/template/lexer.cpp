// Jinja2's lexer: root data scanning, tag tokens, whitespace control, raw blocks, comments.
#include "template/lexer.hpp"
#include "template/decimal.hpp"
#include "template/utf8.hpp"

#include <cstring>

#include "hooksmith/error.hpp"
#include "template/message.hpp"

namespace hooksmith::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

class Lexer {
public:
    explicit Lexer(std::string_view source) : src_(source) {}

    std::vector<Token> run() {
        while (pos_ < src_.size()) lex_root();
        push(TokenType::eof, static_cast<std::uint32_t>(src_.size()), "");
        return std::move(tokens_);
    }

private:
    // Pieces, joined out of line (message.hpp): the lexing frames need no cleanup for them.
    [[noreturn]] void fail(std::size_t offset, Parts message) {
        throw_at(ErrorKind::syntax, src_, static_cast<std::uint32_t>(offset), message);
    }

    void push(TokenType type, std::size_t offset, std::string text) {
        Token t;
        t.type = type;
        t.offset = static_cast<std::uint32_t>(offset);
        t.text = std::move(text);
        tokens_.push_back(std::move(t));
    }

    // Python's `\s` / str.rstrip() include Unicode spaces (NBSP, U+2000…, U+3000 …).
    static std::size_t unicode_space_at(std::string_view s, std::size_t i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (is_space(static_cast<char>(c)) || (c >= 0x1C && c <= 0x1F)) return 1;
        if (c == 0xC2 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            return d == 0x85 || d == 0xA0 ? 2 : 0;
        }
        if (c == 0xE1 && s.compare(i, 3, "\xE1\x9A\x80") == 0) return 3;
        if (c == 0xE2 && i + 2 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x80 && (e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;
            if (d == 0x81 && e == 0x9F) return 3;
        }
        if (c == 0xE3 && s.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
        return 0;
    }

    void skip_space_after() {
        while (pos_ < src_.size()) {
            std::size_t n = unicode_space_at(src_, pos_);
            if (n == 0) break;
            pos_ += n;
        }
    }

    static void rstrip(std::string& s) {
        for (;;) {
            if (s.empty()) return;
            std::size_t start = s.size() - 1;
            while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
            if (unicode_space_at(s, start) != s.size() - start) return;
            s.resize(start);
        }
    }

    // Does a `{% raw %}` open at `at`? Returns the position after it, or npos.
    std::size_t match_tag_word(std::size_t at, const char* word, bool& strip_before, bool& strip_after) {
        std::size_t p = at + 2;
        strip_before = false;
        strip_after = false;
        if (p < src_.size() && (src_[p] == '-' || src_[p] == '+')) { strip_before = src_[p] == '-'; ++p; }
        while (p < src_.size() && is_space(src_[p])) ++p;
        std::size_t len = std::strlen(word);
        if (src_.compare(p, len, word) != 0) return std::string_view::npos;
        p += len;
        if (p < src_.size() && is_name_char(src_[p])) return std::string_view::npos;
        while (p < src_.size() && is_space(src_[p])) ++p;
        if (src_.compare(p, 3, "-%}") == 0) { strip_after = true; return p + 3; }
        if (src_.compare(p, 3, "+%}") == 0) return p + 3;
        if (src_.compare(p, 2, "%}") == 0) return p + 2;
        return std::string_view::npos;
    }

    void lex_root() {
        std::size_t start = pos_;
        std::size_t tag = src_.size();
        for (std::size_t p = pos_; p + 1 < src_.size(); ++p) {
            if (src_[p] == '{' && (src_[p + 1] == '{' || src_[p + 1] == '%' || src_[p + 1] == '#')) { tag = p; break; }
        }
        std::string text(src_.substr(start, tag - start));
        if (tag == src_.size()) {
            if (!text.empty()) push(TokenType::data, start, std::move(text));
            pos_ = src_.size();
            return;
        }
        char kind = src_[tag + 1];
        bool strip_before = tag + 2 < src_.size() && src_[tag + 2] == '-';
        bool modifier = tag + 2 < src_.size() && (src_[tag + 2] == '-' || src_[tag + 2] == '+');
        if (kind == '%') {
            bool sb = false, sa = false;
            std::size_t after = match_tag_word(tag, "raw", sb, sa);
            if (after != std::string_view::npos) {
                if (sb) rstrip(text);
                if (!text.empty()) push(TokenType::data, start, std::move(text));
                pos_ = after;
                if (sa) skip_space_after();
                lex_raw(tag);
                return;
            }
        }
        if (strip_before) rstrip(text);
        if (!text.empty()) push(TokenType::data, start, std::move(text));
        pos_ = tag + 2 + (modifier ? 1 : 0);
        if (kind == '#') lex_comment(tag);
        else lex_tag(tag, kind == '{');
    }

    void lex_raw(std::size_t opened_at) {
        std::size_t content_start = pos_;
        for (std::size_t p = pos_; p + 1 < src_.size(); ++p) {
            if (src_[p] != '{' || src_[p + 1] != '%') continue;
            bool sb = false, sa = false;
            std::size_t after = match_tag_word(p, "endraw", sb, sa);
            if (after == std::string_view::npos) continue;
            std::string text(src_.substr(content_start, p - content_start));
            if (sb) rstrip(text);
            if (!text.empty()) push(TokenType::data, content_start, std::move(text));
            pos_ = after;
            if (sa) skip_space_after();
            return;
        }
        fail(opened_at, {"missing end of raw directive: expected '{% endraw %}' to close 'raw'"});
    }

    void lex_comment(std::size_t opened_at) {
        for (std::size_t p = pos_; p + 1 < src_.size(); ++p) {
            if (src_[p] == '-' && src_.compare(p, 3, "-#}") == 0) { pos_ = p + 3; skip_space_after(); return; }
            if (src_[p] == '+' && src_.compare(p, 3, "+#}") == 0) { pos_ = p + 3; return; }
            if (src_[p] == '#' && src_[p + 1] == '}') { pos_ = p + 2; return; }
        }
        fail(opened_at, {"missing end of comment tag: expected '#}'"});
    }

    void lex_tag(std::size_t opened_at, bool variable) {
        push(variable ? TokenType::variable_begin : TokenType::block_begin, opened_at, "");
        const char* end = variable ? "}}" : "%}";
        std::vector<char> balancing;
        for (;;) {
            while (pos_ < src_.size() && is_space(src_[pos_])) ++pos_;
            if (pos_ >= src_.size())
                fail(opened_at, {"unexpected end of template: expected '", end, "' to close the tag opened here"});
            std::size_t at = pos_;
            if (balancing.empty()) {
                if (src_[at] == '-' && src_.compare(at + 1, 2, end) == 0) {
                    pos_ = at + 3;
                    push(variable ? TokenType::variable_end : TokenType::block_end, at, "");
                    skip_space_after();
                    return;
                }
                if (!variable && src_[at] == '+' && src_.compare(at + 1, 2, end) == 0) {
                    pos_ = at + 3;
                    push(TokenType::block_end, at, "");
                    return;
                }
                if (src_.compare(at, 2, end) == 0) {
                    pos_ = at + 2;
                    push(variable ? TokenType::variable_end : TokenType::block_end, at, "");
                    return;
                }
            }
            char c = src_[at];
            if (is_digit(c) || (c == '.' && at + 1 < src_.size() && is_digit(src_[at + 1]) && false)) {
                lex_number();
            } else if (is_name_start(c)) {
                std::size_t p = at;
                while (p < src_.size() && is_name_char(src_[p])) ++p;
                push(TokenType::name, at, std::string(src_.substr(at, p - at)));
                pos_ = p;
            } else if (c == '\'' || c == '"') {
                lex_string();
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                fail(at, {"unexpected character in tag"});
            } else {
                // The operator is compared as characters: a std::string per candidate cost code
                // and cleanup on every operator token.
                static const char two[] = "//**==!=<=>=";
                std::size_t size = 1;
                for (const char* t = two; *t; t += 2)
                    if (src_.compare(at, 2, std::string_view(t, 2)) == 0) { size = 2; break; }
                if (size == 1) {
                    if (std::strchr("+-/*%~[](){}<>=.:|,;", c) == nullptr || c == '\0')
                        fail(at, {"unexpected char '", c, "'"});
                    if (c == '(' || c == '[' || c == '{') {
                        balancing.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
                    } else if (c == ')' || c == ']' || c == '}') {
                        if (balancing.empty()) fail(at, {"unexpected '", c, "'"});
                        if (balancing.back() != c) fail(at, {"unexpected '", c, "', expected '", balancing.back(), "'"});
                        balancing.pop_back();
                    }
                }
                pos_ = at + size;
                push(TokenType::op, at, std::string(src_.substr(at, size)));
            }
        }
    }

    // Digits with single underscores between them.
    std::size_t scan_digits(std::size_t p, bool (*digit)(char)) {
        std::size_t start = p;
        while (p < src_.size()) {
            if (digit(src_[p])) ++p;
            else if (src_[p] == '_' && p > start && p + 1 < src_.size() && digit(src_[p + 1])) ++p;
            else break;
        }
        return p;
    }

    void lex_number() {
        std::size_t at = pos_;
        auto dec = [](char c) { return is_digit(c); };
        // 0x / 0o / 0b prefixes
        if (src_[at] == '0' && at + 1 < src_.size() && std::strchr("xXoObB", src_[at + 1]) && src_[at + 1] != '\0') {
            char k = static_cast<char>(src_[at + 1] | 0x20);
            int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            std::size_t p = at + 2;
            std::string digits;
            while (p < src_.size()) {
                char c = src_[p];
                int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
                if (c == '_' && p + 1 < src_.size()) { ++p; continue; }
                if (d >= base) break;
                digits += c;
                ++p;
            }
            if (!digits.empty()) {
                Token t;
                t.type = TokenType::integer;
                t.offset = static_cast<std::uint32_t>(at);
                std::uint64_t v = 0;
                for (char c : digits) {
                    int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
                    if (v > (UINT64_MAX - static_cast<unsigned>(d)) / static_cast<unsigned>(base)) t.overflow = true;
                    v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
                }
                if (v > static_cast<std::uint64_t>(INT64_MAX)) t.overflow = true;
                t.int_value = static_cast<std::int64_t>(v);
                t.text = std::string(src_.substr(at, p - at));
                tokens_.push_back(std::move(t));
                pos_ = p;
                return;
            }
        }
        std::size_t p = scan_digits(at, dec);
        bool is_float = false;
        if (p + 1 < src_.size() && src_[p] == '.' && is_digit(src_[p + 1])) {
            p = scan_digits(p + 1, dec);
            is_float = true;
        }
        if (p < src_.size() && (src_[p] == 'e' || src_[p] == 'E')) {
            std::size_t q = p + 1;
            if (q < src_.size() && (src_[q] == '+' || src_[q] == '-')) ++q;
            if (q < src_.size() && is_digit(src_[q])) {
                p = scan_digits(q, dec);
                is_float = true;
            }
        }
        std::string text;
        for (std::size_t i = at; i < p; ++i)
            if (src_[i] != '_') text += src_[i];
        if (!is_float && text.size() > 1 && text[0] == '0' && text.find_first_not_of('0') != std::string::npos)
            fail(at, {"leading zeros in decimal integer literals are not permitted"});
        Token t;
        t.offset = static_cast<std::uint32_t>(at);
        if (is_float) {
            t.type = TokenType::floating;
            t.float_value = decimal::parse(text);
        } else {
            t.type = TokenType::integer;
            std::uint64_t v = 0;
            for (char c : text) {
                unsigned d = static_cast<unsigned>(c - '0');
                if (v > (UINT64_MAX - d) / 10) t.overflow = true;
                v = v * 10 + d;
            }
            if (v > static_cast<std::uint64_t>(INT64_MAX)) t.overflow = true;
            t.int_value = static_cast<std::int64_t>(v);
        }
        t.text = std::string(src_.substr(at, p - at));
        tokens_.push_back(std::move(t));
        pos_ = p;
    }

    static int hex_value(char c) {
        if (is_digit(c)) return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    void lex_string() {
        std::size_t at = pos_;
        char quote = src_[at];
        std::string value;
        std::size_t p = at + 1;
        for (;;) {
            if (p >= src_.size()) fail(at, {"unexpected end of string: missing closing quote"});
            char c = src_[p];
            if (c == quote) { ++p; break; }
            if (c != '\\') { value += c; ++p; continue; }
            if (p + 1 >= src_.size()) fail(at, {"unexpected end of string: missing closing quote"});
            char e = src_[p + 1];
            p += 2;
            switch (e) {
                case '\n': break;
                case '\\': value += '\\'; break;
                case '\'': value += '\''; break;
                case '"': value += '"'; break;
                case 'a': value += '\a'; break;
                case 'b': value += '\b'; break;
                case 'f': value += '\f'; break;
                case 'n': value += '\n'; break;
                case 'r': value += '\r'; break;
                case 't': value += '\t'; break;
                case 'v': value += '\v'; break;
                case 'x': case 'u': case 'U': {
                    int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    std::uint32_t cp = 0;
                    for (int i = 0; i < count; ++i) {
                        int h = p < src_.size() ? hex_value(src_[p]) : -1;
                        if (h < 0) fail(at, {"truncated \\", e, " escape in string"});
                        cp = cp * 16 + static_cast<std::uint32_t>(h);
                        ++p;
                    }
                    if (cp > 0x10FFFF) fail(at, {"illegal Unicode character in string escape"});
                    utf8::append(value, cp);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        std::uint32_t cp = static_cast<std::uint32_t>(e - '0');
                        for (int i = 0; i < 2 && p < src_.size() && src_[p] >= '0' && src_[p] <= '7'; ++i, ++p)
                            cp = cp * 8 + static_cast<std::uint32_t>(src_[p] - '0');
                        utf8::append(value, cp);
                    } else {
                        value += '\\';
                        value += e;
                    }
            }
        }
        Token t;
        t.type = TokenType::string;
        t.offset = static_cast<std::uint32_t>(at);
        t.text = std::move(value);
        tokens_.push_back(std::move(t));
        pos_ = p;
    }

    std::string_view src_;
    std::size_t pos_ = 0;
    std::vector<Token> tokens_;
};

}  // namespace

std::string normalize_source(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

void position_of(std::string_view source, std::uint32_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    std::size_t end = offset < source.size() ? offset : source.size();
    for (std::size_t i = 0; i < end; ++i) {
        unsigned char c = static_cast<unsigned char>(source[i]);
        if (c == '\n') { ++line; column = 1; }
        else if ((c & 0xC0) != 0x80) ++column;
    }
}

std::vector<Token> tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace hooksmith::detail
