// nlohmann::ordered_json's parse() and dump(), rewritten small (json_document.hpp says why). The
// lexer follows nlohmann's byte for byte — its get/unget bookkeeping, the token string its error
// messages echo, the order of its checks — because those decide the messages and positions.
#include "webhook/json_document.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "hooksmith/error.hpp"
#include "template/decimal.hpp"
#include "webhook/encode.hpp"

namespace hooksmith::detail {

namespace {

char hex_digit(unsigned value) { return "0123456789ABCDEF"[value & 15]; }

constexpr int eof = std::char_traits<char>::eof();

enum class Token {
    uninitialized, literal_true, literal_false, literal_null, value_string, value_unsigned,
    value_integer, value_float, begin_array, begin_object, end_array, end_object, name_separator,
    value_separator, parse_error, end_of_input, literal_or_value
};

const char* token_name(Token token) noexcept {
    switch (token) {
        case Token::uninitialized: return "<uninitialized>";
        case Token::literal_true: return "true literal";
        case Token::literal_false: return "false literal";
        case Token::literal_null: return "null literal";
        case Token::value_string: return "string literal";
        case Token::value_unsigned:
        case Token::value_integer:
        case Token::value_float: return "number literal";
        case Token::begin_array: return "'['";
        case Token::begin_object: return "'{'";
        case Token::end_array: return "']'";
        case Token::end_object: return "'}'";
        case Token::name_separator: return "':'";
        case Token::value_separator: return "','";
        case Token::parse_error: return "<parse error>";
        case Token::end_of_input: return "end of input";
        case Token::literal_or_value: return "'[', '{', or a literal";
    }
    return "unknown token";
}

// "invalid string: control character U+000A (LF) must be escaped to \u000A or \n"
std::string control_character_message(int c) {
    static const char* const names[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                          "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                          "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                          "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    const auto code = static_cast<unsigned>(c);  // < 0x20
    const char hex[5] = {'0', '0', hex_digit(code >> 4), hex_digit(code), 0};
    std::string message = std::string("invalid string: control character U+") + hex + " (" + names[c] +
                          ") must be escaped to \\u" + hex;
    const char* const shorthand = c == 8 ? "b" : c == 9 ? "t" : c == 10 ? "n" : c == 12 ? "f" : c == 13 ? "r" : nullptr;
    if (shorthand) message += std::string(" or \\") + shorthand;
    return message;
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : next_(text.data()), end_(text.data() + text.size()) {}

    Token scan() {
        if (position_.chars_read_total == 0 && !skip_bom()) {
            error_ = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
            return Token::parse_error;
        }
        do get(); while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
        switch (current_) {
            case '[': return Token::begin_array;
            case ']': return Token::end_array;
            case '{': return Token::begin_object;
            case '}': return Token::end_object;
            case ':': return Token::name_separator;
            case ',': return Token::value_separator;
            case 't': return scan_literal("true", Token::literal_true);
            case 'f': return scan_literal("false", Token::literal_false);
            case 'n': return scan_literal("null", Token::literal_null);
            case '"': return scan_string();
            case '\0':  // nlohmann's lexer takes a NUL byte for the end of the input
            case eof: return Token::end_of_input;
            default:
                if (current_ == '-' || (current_ >= '0' && current_ <= '9')) return scan_number();
                error_ = "invalid literal";
                return Token::parse_error;
        }
    }

    const nlohmann::detail::position_t& position() const noexcept { return position_; }
    const std::string& error_message() const noexcept { return error_; }
    std::string& string() noexcept { return buffer_; }
    std::int64_t integer() const noexcept { return integer_; }
    std::uint64_t unsigned_integer() const noexcept { return unsigned_; }
    double floating() const noexcept { return floating_; }

    // What the error messages echo: the bytes read since the current token began, controls as <U+00XX>.
    std::string token_string() const {
        std::string result;
        for (const char c : token_string_) {
            if (static_cast<unsigned char>(c) <= 0x1F) {
                const auto byte = static_cast<unsigned char>(c);
                const char escaped[] = {'<', 'U', '+', '0', '0', hex_digit(byte >> 4u), hex_digit(byte), '>'};
                result.append(escaped, sizeof escaped);
            } else {
                result.push_back(c);
            }
        }
        return result;
    }

private:
    int get() {
        ++position_.chars_read_total;
        ++position_.chars_read_current_line;
        if (next_unget_) {
            next_unget_ = false;
        } else {
            current_ = next_ < end_ ? static_cast<unsigned char>(*next_++) : eof;
        }
        if (current_ != eof) token_string_.push_back(static_cast<char>(current_));
        if (current_ == '\n') {
            ++position_.lines_read;
            position_.chars_read_current_line = 0;
        }
        return current_;
    }

    void unget() {
        next_unget_ = true;
        --position_.chars_read_total;
        if (position_.chars_read_current_line == 0) {
            if (position_.lines_read > 0) --position_.lines_read;
        } else {
            --position_.chars_read_current_line;
        }
        if (current_ != eof) token_string_.pop_back();
    }

    void add(int c) { buffer_.push_back(static_cast<char>(c)); }

    void reset() {
        buffer_.clear();
        token_string_.clear();
        token_string_.push_back(static_cast<char>(current_));
    }

    bool skip_bom() {
        if (get() == 0xEF) return get() == 0xBB && get() == 0xBF;
        unget();
        return true;
    }

    Token scan_literal(const char* literal, Token token) {
        for (std::size_t i = 1; literal[i]; ++i) {
            if (static_cast<char>(get()) != literal[i]) {
                error_ = "invalid literal";
                return Token::parse_error;
            }
        }
        return token;
    }

    int get_codepoint() {
        int codepoint = 0;
        for (const unsigned factor : {12u, 8u, 4u, 0u}) {
            get();
            int digit;
            if (current_ >= '0' && current_ <= '9') digit = current_ - '0';
            else if (current_ >= 'A' && current_ <= 'F') digit = current_ - 'A' + 10;
            else if (current_ >= 'a' && current_ <= 'f') digit = current_ - 'a' + 10;
            else return -1;
            codepoint += digit << factor;
        }
        return codepoint;
    }

    // The lead byte is `current_`; each pair of `ranges` bounds one continuation byte.
    bool next_bytes_in_range(std::initializer_list<int> ranges) {
        add(current_);
        for (auto range = ranges.begin(); range != ranges.end(); range += 2) {
            get();
            if (range[0] <= current_ && current_ <= range[1]) {
                add(current_);
            } else {
                error_ = "invalid string: ill-formed UTF-8 byte";
                return false;
            }
        }
        return true;
    }

    Token scan_string() {
        reset();
        while (true) {
            const int c = get();
            if (c == eof) {
                error_ = "invalid string: missing closing quote";
                return Token::parse_error;
            }
            if (c == '"') return Token::value_string;
            if (c == '\\') {
                if (!scan_escape()) return Token::parse_error;
                continue;
            }
            if (c < 0x20) {
                error_ = control_character_message(c);
                return Token::parse_error;
            }
            bool well_formed = true;
            if (c < 0x80) add(c);
            else if (c >= 0xC2 && c <= 0xDF) well_formed = next_bytes_in_range({0x80, 0xBF});
            else if (c == 0xE0) well_formed = next_bytes_in_range({0xA0, 0xBF, 0x80, 0xBF});
            else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) well_formed = next_bytes_in_range({0x80, 0xBF, 0x80, 0xBF});
            else if (c == 0xED) well_formed = next_bytes_in_range({0x80, 0x9F, 0x80, 0xBF});
            else if (c == 0xF0) well_formed = next_bytes_in_range({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
            else if (c >= 0xF1 && c <= 0xF3) well_formed = next_bytes_in_range({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
            else if (c == 0xF4) well_formed = next_bytes_in_range({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
            else {
                error_ = "invalid string: ill-formed UTF-8 byte";
                return Token::parse_error;
            }
            if (!well_formed) return Token::parse_error;
        }
    }

    bool scan_escape() {
        switch (get()) {
            case '"': add('"'); return true;
            case '\\': add('\\'); return true;
            case '/': add('/'); return true;
            case 'b': add('\b'); return true;
            case 'f': add('\f'); return true;
            case 'n': add('\n'); return true;
            case 'r': add('\r'); return true;
            case 't': add('\t'); return true;
            case 'u': break;
            default: error_ = "invalid string: forbidden character after backslash"; return false;
        }
        const char* const bad_hex = "invalid string: '\\u' must be followed by 4 hex digits";
        const char* const lone_high = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
        const int first = get_codepoint();
        int codepoint = first;
        if (first == -1) {
            error_ = bad_hex;
            return false;
        }
        if (first >= 0xD800 && first <= 0xDBFF) {
            if (!(get() == '\\' && get() == 'u')) {
                error_ = lone_high;
                return false;
            }
            const int second = get_codepoint();
            if (second == -1) {
                error_ = bad_hex;
                return false;
            }
            if (second < 0xDC00 || second > 0xDFFF) {
                error_ = lone_high;
                return false;
            }
            codepoint = static_cast<int>((static_cast<unsigned>(first) << 10u) + static_cast<unsigned>(second) - 0x35FDC00u);
        } else if (first >= 0xDC00 && first <= 0xDFFF) {
            error_ = "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF";
            return false;
        }
        const auto code = static_cast<unsigned>(codepoint);
        if (code < 0x80) {
            add(static_cast<int>(code));
        } else if (code <= 0x7FF) {
            add(static_cast<int>(0xC0u | (code >> 6u)));
            add(static_cast<int>(0x80u | (code & 0x3Fu)));
        } else if (code <= 0xFFFF) {
            add(static_cast<int>(0xE0u | (code >> 12u)));
            add(static_cast<int>(0x80u | ((code >> 6u) & 0x3Fu)));
            add(static_cast<int>(0x80u | (code & 0x3Fu)));
        } else {
            add(static_cast<int>(0xF0u | (code >> 18u)));
            add(static_cast<int>(0x80u | ((code >> 12u) & 0x3Fu)));
            add(static_cast<int>(0x80u | ((code >> 6u) & 0x3Fu)));
            add(static_cast<int>(0x80u | (code & 0x3Fu)));
        }
        return true;
    }

    static bool is_digit(int c) noexcept { return c >= '0' && c <= '9'; }

    // RFC 8259 §6 as nlohmann's state machine reads it: the same bytes consumed before an error.
    Token scan_number() {
        reset();
        Token type = Token::value_unsigned;
        add(current_);
        if (current_ == '-') {
            type = Token::value_integer;
            if (!is_digit(get())) {
                error_ = "invalid number; expected digit after '-'";
                return Token::parse_error;
            }
            add(current_);
        }
        if (current_ != '0') {
            while (is_digit(get())) add(current_);
        } else {
            get();
        }
        if (current_ == '.') {
            add('.');
            type = Token::value_float;
            if (!is_digit(get())) {
                error_ = "invalid number; expected digit after '.'";
                return Token::parse_error;
            }
            add(current_);
            while (is_digit(get())) add(current_);
        }
        if (current_ == 'e' || current_ == 'E') {
            add(current_);
            type = Token::value_float;
            get();
            if (current_ == '+' || current_ == '-') {
                add(current_);
                if (!is_digit(get())) {
                    error_ = "invalid number; expected digit after exponent sign";
                    return Token::parse_error;
                }
            } else if (!is_digit(current_)) {
                error_ = "invalid number; expected '+', '-', or digit after exponent";
                return Token::parse_error;
            }
            add(current_);
            while (is_digit(get())) add(current_);
        }
        unget();  // the byte after the number was read only to see the number end
        errno = 0;
        if (type == Token::value_unsigned) {
            const auto value = std::strtoull(buffer_.c_str(), nullptr, 10);
            if (errno == 0) {
                unsigned_ = value;
                return Token::value_unsigned;
            }
        } else if (type == Token::value_integer) {
            const auto value = std::strtoll(buffer_.c_str(), nullptr, 10);
            if (errno == 0) {
                integer_ = value;
                return Token::value_integer;
            }
        }
        floating_ = decimal::parse(buffer_);
        return Token::value_float;
    }

    const char* next_;
    const char* end_;
    int current_ = eof;
    bool next_unget_ = false;
    nlohmann::detail::position_t position_{};
    std::string token_string_;
    std::string buffer_;
    std::string error_;
    std::int64_t integer_ = 0;
    std::uint64_t unsigned_ = 0;
    double floating_ = 0;
};

// nlohmann's parser loop (sax_parse_internal + the strict end check), building a JsonDocument.
class Parser {
public:
    // With `document` null, only checks the syntax (nothing is built).
    Parser(std::string_view text, JsonDocument* document, bool reject_duplicate_keys)
        : lexer_(text), document_(document), reject_duplicate_keys_(reject_duplicate_keys) {}

    void parse() {
        next();
        parse_values();
        if (next() != Token::end_of_input) fail(Token::end_of_input, "value");
    }

    // Where the lexer stood when parse() threw: what nlohmann's SAX parse_error() is given.
    std::size_t position() const noexcept { return lexer_.position().chars_read_total; }

private:
    struct Open {
        std::size_t index;
        bool is_array;
        std::string key;  // an object's member being parsed
    };

    Token next() { return last_ = lexer_.scan(); }

    [[noreturn]] void fail(Token expected, const char* context) {
        std::string message = std::string("syntax error while parsing ") + context + " - ";
        if (last_ == Token::parse_error) {
            message += lexer_.error_message() + "; last read: '" + lexer_.token_string() + "'";
        } else {
            message += std::string("unexpected ") + token_name(last_);
        }
        if (expected != Token::uninitialized) message += std::string("; expected ") + token_name(expected);
        throw nlohmann::detail::parse_error::create(101, lexer_.position(), message, nullptr);
    }

    // A new value where the parser stands: the root, the next item, or the member being parsed
    // (a repeated key's value replaces the first one's in its position, as ordered_map does).
    std::size_t place(JsonType type) {
        if (!document_) return 0;
        JsonDocument& document = *document_;
        if (open_.empty()) return document.add(JsonDocument::none, type);
        Open& parent = open_.back();
        if (parent.is_array) return document.add(parent.index, type);
        const std::size_t existing = document.find(parent.index, parent.key);
        const std::size_t index = document.add(parent.index, type, parent.key);
        if (existing != JsonDocument::none) {
            auto& children = document.mutable_node(parent.index).children;
            children.pop_back();
            *std::find(children.begin(), children.end(), existing) = index;
        }
        return index;
    }

    // The node just placed, or (checking only) a scratch node.
    JsonDocument::Node& set(std::size_t index) { return document_ ? document_->mutable_node(index) : scratch_; }

    // parse_config's duplicate-key callback: the path of the key given twice.
    void check_key(const std::string& key) {
        const JsonDocument& document = *document_;
        const JsonDocument::Node& object = document.node(open_.back().index);
        const bool repeated = std::any_of(object.children.begin(), object.children.end(),
                                          [&](std::size_t child) { return document.node(child).key == key; });
        if (!repeated) return;
        std::string path;
        for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
            if (open_[i].is_array) {
                path += "[" + std::to_string(document.node(open_[i].index).children.size() - 1) + "]";
            } else {
                path += (path.empty() ? "" : ".") + open_[i].key;
            }
        }
        path += (path.empty() ? "" : ".") + key;
        Error error(ErrorKind::config, "the key '" + key + "' is given twice");
        error.field = std::move(path);
        throw error;
    }

    void read_key(const char* context) {
        if (last_ != Token::value_string) fail(Token::value_string, context);
        if (reject_duplicate_keys_ && document_) check_key(lexer_.string());
        open_.back().key = lexer_.string();
        if (next() != Token::name_separator) fail(Token::name_separator, "object separator");
    }

    void parse_values() {
        bool value_done = false;  // skip to the state evaluation after a container closes
        while (true) {
            if (!value_done) {
                switch (last_) {
                    case Token::begin_object: {
                        const std::size_t index = place(JsonType::object);
                        if (next() == Token::end_object) break;
                        open_.push_back({index, false, {}});
                        read_key("object key");
                        next();
                        continue;
                    }
                    case Token::begin_array: {
                        const std::size_t index = place(JsonType::array);
                        if (next() == Token::end_array) break;
                        open_.push_back({index, true, {}});
                        continue;
                    }
                    case Token::value_float: {
                        if (!std::isfinite(lexer_.floating())) {
                            throw nlohmann::detail::out_of_range::create(
                                406, "number overflow parsing '" + lexer_.token_string() + "'", nullptr);
                        }
                        set(place(JsonType::floating)).floating = lexer_.floating();
                        break;
                    }
                    case Token::literal_false:
                    case Token::literal_true:
                        set(place(JsonType::boolean)).boolean = last_ == Token::literal_true;
                        break;
                    case Token::literal_null: place(JsonType::null); break;
                    case Token::value_integer:
                        set(place(JsonType::integer)).integer = lexer_.integer();
                        break;
                    case Token::value_unsigned:
                        set(place(JsonType::unsigned_integer)).unsigned_integer = lexer_.unsigned_integer();
                        break;
                    case Token::value_string:
                        set(place(JsonType::string)).text = std::move(lexer_.string());
                        break;
                    case Token::parse_error: fail(Token::uninitialized, "value");
                    default: fail(Token::literal_or_value, "value");
                }
            } else {
                value_done = false;
            }
            if (open_.empty()) return;
            if (open_.back().is_array) {
                if (next() == Token::value_separator) {
                    next();
                    continue;
                }
                if (last_ != Token::end_array) fail(Token::end_array, "array");
                open_.pop_back();
                value_done = true;
                continue;
            }
            if (next() == Token::value_separator) {
                next();
                read_key("object key");
                next();
                continue;
            }
            if (last_ != Token::end_object) fail(Token::end_object, "object");
            open_.pop_back();
            value_done = true;
        }
    }

    Lexer lexer_;
    JsonDocument* document_;
    JsonDocument::Node scratch_;
    bool reject_duplicate_keys_;
    Token last_ = Token::uninitialized;
    std::vector<Open> open_;
};

// Where dump() would stop on invalid UTF-8 (its decoder rejects at the first byte that cannot
// continue a well-formed sequence), with nlohmann's message.
[[noreturn]] void throw_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int low = 0x80, high = 0xBF, continuations = 0;
        if (lead < 0x80) continuations = 0;
        else if (lead >= 0xC2 && lead <= 0xDF) continuations = 1;
        else if (lead == 0xE0) continuations = 2, low = 0xA0;
        else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) continuations = 2;
        else if (lead == 0xED) continuations = 2, high = 0x9F;
        else if (lead == 0xF0) continuations = 3, low = 0x90;
        else if (lead >= 0xF1 && lead <= 0xF3) continuations = 3;
        else if (lead == 0xF4) continuations = 3, high = 0x8F;
        else continuations = -1;
        std::size_t bad = i;
        bool ok = continuations >= 0;
        for (int k = 1; ok && k <= continuations; ++k) {
            if (i + k >= text.size()) {
                const auto last = static_cast<unsigned char>(text.back());
                throw nlohmann::detail::type_error::create(
                    316, std::string("incomplete UTF-8 string; last byte: 0x") + hex_digit(last >> 4) + hex_digit(last), nullptr);
            }
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) {
                ok = false;
                bad = i + k;
            }
        }
        if (!ok) {
            const auto byte = static_cast<unsigned char>(text[bad]);
            throw nlohmann::detail::type_error::create(316, "invalid UTF-8 byte at index " + std::to_string(bad) + ": 0x" +
                                                                hex_digit(byte >> 4) + hex_digit(byte), nullptr);
        }
        i += static_cast<std::size_t>(continuations) + 1;
    }
    throw nlohmann::detail::type_error::create(316, "invalid UTF-8", nullptr);  // not reached: the text was invalid
}

}  // namespace

void append_dumped_string(std::string& out, std::string_view text) {
    if (!is_valid_utf8(text)) throw_invalid_utf8(text);
    append_json_string(out, text);
}

JsonDocument JsonDocument::parse(std::string_view text, bool reject_duplicate_keys) {
    JsonDocument document;
    Parser(text, &document, reject_duplicate_keys).parse();
    return document;
}

std::optional<JsonDocument::SyntaxError> JsonDocument::syntax_error(std::string_view text) {
    Parser parser(text, nullptr, false);
    try {
        parser.parse();
    } catch (const nlohmann::detail::exception& failure) {  // parse_error, out_of_range
        return SyntaxError{parser.position(), failure.what()};
    }
    return std::nullopt;
}

std::size_t JsonDocument::find(std::size_t index, std::string_view key) const {
    for (const std::size_t child : nodes_[index].children) {
        if (nodes_[child].key == key) return child;
    }
    return none;
}

std::size_t JsonDocument::add(std::size_t parent, JsonType type, std::string_view key) {
    const std::size_t index = nodes_.size();
    nodes_.emplace_back();
    nodes_.back().type = type;
    if (parent != none) {
        nodes_.back().key = std::string(key);
        nodes_[parent].children.push_back(index);
    }
    return index;
}

std::size_t JsonDocument::add_string(std::size_t parent, std::string_view key, std::string_view value) {
    const std::size_t index = add(parent, JsonType::string, key);
    nodes_[index].text = std::string(value);
    return index;
}

std::size_t JsonDocument::add_integer(std::size_t parent, std::string_view key, std::int64_t value) {
    const std::size_t index = add(parent, JsonType::integer, key);
    nodes_[index].integer = value;
    return index;
}

std::size_t JsonDocument::add_boolean(std::size_t parent, std::string_view key, bool value) {
    const std::size_t index = add(parent, JsonType::boolean, key);
    nodes_[index].boolean = value;
    return index;
}

std::string JsonDocument::dump(int indent) const {
    std::string out;
    if (!nodes_.empty()) dump(out, root(), indent);
    return out;
}

void JsonDocument::dump(std::string& out, std::size_t index, int indent) const { dump_at(out, index, indent, 0); }

// ordered_json's serializer: pretty output puts each member on its own line, indented by
// `indent` more than its container (indent 0: new lines, no spaces).
void JsonDocument::dump_at(std::string& out, std::size_t index, int indent, int current) const {
    const Node& value = nodes_[index];
    switch (value.type) {
        case JsonType::object:
        case JsonType::array: {
            const bool object = value.type == JsonType::object;
            if (value.children.empty()) {
                out += object ? "{}" : "[]";
                return;
            }
            const int inner = current + std::max(indent, 0);
            out += object ? '{' : '[';
            if (indent >= 0) out += '\n';
            for (std::size_t i = 0; i < value.children.size(); ++i) {
                if (indent >= 0) out.append(static_cast<std::size_t>(inner), ' ');
                if (object) {
                    append_dumped_string(out, nodes_[value.children[i]].key);
                    out += indent >= 0 ? ": " : ":";
                }
                dump_at(out, value.children[i], indent, inner);
                if (i + 1 < value.children.size()) out += indent >= 0 ? ",\n" : ",";
            }
            if (indent >= 0) {
                out += '\n';
                out.append(static_cast<std::size_t>(current), ' ');
            }
            out += object ? '}' : ']';
            return;
        }
        case JsonType::string: append_dumped_string(out, value.text); return;
        case JsonType::boolean: out += value.boolean ? "true" : "false"; return;
        case JsonType::integer: out += std::to_string(value.integer); return;
        case JsonType::unsigned_integer: out += std::to_string(value.unsigned_integer); return;
        case JsonType::floating: {
            if (!std::isfinite(value.floating)) {
                out += "null";
                return;
            }
            char digits[64];
            char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, value.floating);
            out.append(digits, end);
            return;
        }
        // binary and discarded come only from a converted ordered_json, which the config walkers
        // read and never dump; the parser makes neither.
        case JsonType::discarded: out += "<discarded>"; return;
        case JsonType::binary:
        case JsonType::null: out += "null"; return;
    }
}

}  // namespace hooksmith::detail
