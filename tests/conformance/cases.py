# The Jinja2 conformance cases: (id, template, context) triples, grouped by section.
#
# generate.py renders each case with the real Jinja2 and writes expected.json; the C++ runner
# replays the table against hooksmith. Edit this file, then run tests/conformance/generate.py.
# Contexts must stay JSON-representable (the runner parses the same JSON text Jinja2 was fed).
# Outputs are never written here by hand: Jinja2 is the oracle.

# Leanplum-shaped user data, shared by many cases.
LP = {
    "userId": "u-1001",
    "userAttribute": {
        "First name": "Ada",
        "Last name": "Lovelace",
        "age": 36,
        "score": 9.5,
        "vip": True,
        "email": None,
        "city": "london",
        "tags": ["vip", "Beta", "alpha"],
    },
    "parameter": {
        "item": "Running Shoes",
        "price": 59.99,
        "qty": 2,
        "currency": "EUR",
        "source": "spring sale/2026?",
        "empty": "",
        "zero": 0,
    },
    "device": {"os": "iOS", "version": "17.1"},
    "items": [
        {"name": "shoe", "price": 59.99, "qty": 2, "category": "Footwear"},
        {"name": "sock", "price": 4.5, "qty": 5, "category": "apparel"},
        {"name": "Hat", "price": 20, "qty": 1, "category": "Apparel"},
    ],
}

WORDS = {"words": ["banana", "Apple", "cherry", "apple", "Banana"]}
NUMS = {"nums": [3, 1, 4, 1, 5, 9, 2, 6]}
USERS = {
    "users": [
        {"name": "bob", "age": 30, "active": True, "city": "Paris"},
        {"name": "Alice", "age": 25, "active": False, "city": "paris"},
        {"name": "carol", "age": 35, "active": True, "city": "Berlin"},
        {"name": "dave", "age": 25, "active": True},
    ]
}


def _section(prefix, rows):
    out = []
    for row in rows:
        name, template = row[0], row[1]
        context = row[2] if len(row) > 2 else {}
        out.append((prefix + "." + name, template, context))
    return out


CASES = []

# ---------------------------------------------------------------------------------------------
CASES += _section("literals", [
    ("int", "{{ 42 }}"),
    ("int_negative", "{{ -17 }}"),
    ("int_zero", "{{ 0 }}"),
    ("int_underscore", "{{ 1_000 }}"),
    ("int_underscore_many", "{{ 1_000_000 + 1 }}"),
    ("int_big_64", "{{ 9223372036854775807 }}"),
    ("float_simple", "{{ 1.5 }}"),
    ("float_exp", "{{ 1e3 }}"),
    ("float_exp_negative", "{{ 2.5e-3 }}"),
    ("float_exp_upper", "{{ 1E2 }}"),
    ("float_trailing_zero", "{{ 2.0 }}"),
    ("float_underscore", "{{ 1_0.5 }}"),
    ("string_single", "{{ 'hello' }}"),
    ("string_double", '{{ "hello" }}'),
    ("string_escape_newline", r"{{ 'a\nb' }}"),
    ("string_escape_tab", r"{{ 'a\tb' }}"),
    ("string_escape_backslash", r"{{ 'a\\b' }}"),
    ("string_escape_single_quote", r"{{ 'it\'s' }}"),
    ("string_escape_double_quote", r'{{ "say \"hi\"" }}'),
    ("string_escape_hex", r"{{ '\x41\x42' }}"),
    ("string_escape_unicode", r"{{ '\u00e9\u4e2d' }}"),
    ("string_escape_unicode_long", r"{{ '\U0001F600' }}"),
    ("string_escape_carriage_return", r"{{ 'a\rb'|length }}"),
    ("string_escape_unknown_kept", r"{{ 'a\qb' }}"),
    ("string_quote_other_kind", "{{ \"it's\" ~ '\"x\"' }}"),
    ("string_adjacent_concat", "{{ 'foo' 'bar' }}"),
    ("string_adjacent_concat_mixed_quotes", "{{ 'a' \"b\" 'c' }}"),
    ("string_unicode_raw", "{{ 'héllo wörld ✓' }}"),
    ("string_empty", "[{{ '' }}]"),
    ("list", "{{ [1, 2, 3] }}"),
    ("list_empty", "{{ [] }}"),
    ("list_trailing_comma", "{{ [1, 2,] }}"),
    ("list_mixed", "{{ [1, 'a', none, true, 2.5] }}"),
    ("tuple", "{{ (1, 2) }}"),
    ("tuple_single", "{{ (1,) }}"),
    ("tuple_empty", "{{ () }}"),
    ("parenthesised_expr", "{{ (1) }}"),
    ("dict", "{{ {'a': 1, 'b': 'x'} }}"),
    ("dict_empty", "{{ {} }}"),
    ("dict_int_key", "{{ {1: 'one'} }}"),
    ("dict_duplicate_key", "{{ {'a': 1, 'a': 2} }}"),
    ("true_lower", "{{ true }}"),
    ("true_title", "{{ True }}"),
    ("false_lower", "{{ false }}"),
    ("false_title", "{{ False }}"),
    ("none_lower", "{{ none }}"),
    ("none_title", "{{ None }}"),
    ("none_in_list", "{{ [none, None] }}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("print", [
    ("float_point_sum", "{{ 0.1 + 0.2 }}"),
    ("float_1e16", "{{ 1e16 }}"),
    ("float_1e15", "{{ 1e15 }}"),
    ("float_1e22", "{{ 1e22 }}"),
    ("float_small", "{{ 0.0001 }}"),
    ("float_smaller", "{{ 0.00001 }}"),
    ("float_negative_zero", "{{ -0.0 }}"),
    ("float_third", "{{ 1/3 }}"),
    ("float_two", "{{ 2.0 }}"),
    ("float_from_context", "{{ x }}", {"x": 59.99}),
    ("float_context_whole", "{{ x }}", {"x": 3.0}),
    ("float_context_exp", "{{ x }}", {"x": 1.5e300}),
    ("float_max", "{{ 1.7976931348623157e308 }}"),
    ("float_inf_from_overflow", "{{ 1e308 * 10 }}"),
    ("float_neg_inf", "{{ -1e308 * 10 }}"),
    ("big_int_64", "{{ 9223372036854775807 }}"),
    ("big_int_negative_64", "{{ -9223372036854775807 - 1 }}"),
    ("int_context", "{{ n }}", {"n": 123456789012}),
    ("bool_context", "{{ a }} {{ b }}", {"a": True, "b": False}),
    ("none_context", "{{ a }}", {"a": None}),
    ("list_of_strings", "{{ ['a', 'b'] }}"),
    ("list_nested", "{{ [[1, [2]], {'k': [3]}] }}"),
    ("string_with_single_quote_in_list", "{{ [\"it's\"] }}"),
    ("string_with_both_quotes_in_list", r"""{{ ["it's \"x\""] }}"""),
    ("string_with_newline_in_list", r"{{ ['a\nb'] }}"),
    ("string_with_backslash_in_list", r"{{ ['a\\b'] }}"),
    ("string_with_tab_in_list", r"{{ ['a\tb'] }}"),
    ("string_control_char_in_list", r"{{ ['\x01'] }}"),
    ("string_unicode_in_list", "{{ ['é', '中', '😀'] }}"),
    ("dict_nested_quotes", "{{ {'k': \"it's\", 'n': none} }}"),
    ("dict_from_context", "{{ d }}", {"d": {"b": 1, "a": [True, None, 1.0]}}),
    ("list_from_context", "{{ l }}", {"l": [1, "two", 3.5, None, False, {"x": "y"}]}),
    ("user_attribute_dict", "{{ userAttribute }}", LP),
    ("unicode_plain", "{{ s }}", {"s": "Zoë – 北京 🎉"}),
    ("int_float_mix_list", "{{ [1, 1.0, -0.5] }}"),
    ("tuple_nested", "{{ ((1, 'a'), [2]) }}"),
    ("string_concat_number", "{{ 'n=' ~ 2.50 }}"),
    ("text_only", "Hello, world!"),
    ("empty_template", ""),
    ("multiple_prints", "{{ userAttribute['First name'] }} {{ userAttribute['Last name'] }}", LP),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("ops", [
    ("add_int", "{{ 1 + 2 }}"),
    ("add_float", "{{ 1 + 2.5 }}"),
    ("sub", "{{ 10 - 4 }}"),
    ("mul", "{{ 6 * 7 }}"),
    ("mul_string", "{{ 'ab' * 3 }}"),
    ("mul_list", "{{ [1] * 3 }}"),
    ("add_string", "{{ 'a' + 'b' }}"),
    ("add_list", "{{ [1] + [2, 3] }}"),
    ("div_true", "{{ 7 / 2 }}"),
    ("div_whole", "{{ 4 / 2 }}"),
    ("div_float", "{{ 1.5 / 0.5 }}"),
    ("floordiv", "{{ 7 // 2 }}"),
    ("floordiv_negative", "{{ -7 // 2 }}"),
    ("floordiv_float", "{{ 7.5 // 2 }}"),
    ("mod", "{{ 7 % 3 }}"),
    ("mod_negative", "{{ -7 % 3 }}"),
    ("mod_negative_divisor", "{{ 7 % -3 }}"),
    ("mod_float", "{{ 7.5 % 2 }}"),
    ("pow", "{{ 2 ** 10 }}"),
    ("pow_left_assoc", "{{ 2**3**2 }}"),
    ("pow_unary_minus", "{{ -2**2 }}"),
    ("pow_negative_exponent", "{{ 2 ** -1 }}"),
    ("pow_float", "{{ 2.0 ** 3 }}"),
    ("unary_plus", "{{ +5 }}"),
    ("unary_minus_var", "{{ -n }}", {"n": 4}),
    ("double_negation", "{{ - -3 }}"),
    ("precedence_mul_add", "{{ 2 + 3 * 4 }}"),
    ("precedence_parens", "{{ (2 + 3) * 4 }}"),
    ("tilde_looser_than_mul", "{{ 2 * 3 ~ 4 }}"),
    ("tilde_tighter_than_add", "{{ 'a' ~ 1 + 2 }}", {}),
    ("tilde_numbers", "{{ 1 ~ 2 }}"),
    ("tilde_float", "{{ 1.0 ~ 'x' }}"),
    ("tilde_none", "{{ 'a' ~ none }}"),
    ("tilde_bool", "{{ true ~ false }}"),
    ("tilde_list", "{{ 'x' ~ [1, 'a'] }}"),
    ("tilde_undefined", "[{{ 'a' ~ nope ~ 'b' }}]"),
    ("unary_minus_before_filter", "{{ -3|abs }}"),
    ("filter_before_mul", "{{ 2 * 3|string }}"),
    ("filter_on_parens", "{{ (2 * 3)|string ~ '!' }}"),
    ("eq", "{{ 1 == 1 }}"),
    ("eq_int_float", "{{ 1 == 1.0 }}"),
    ("eq_bool_int", "{{ true == 1 }}"),
    ("ne", "{{ 1 != 2 }}"),
    ("eq_string", "{{ 'a' == 'a' }}"),
    ("eq_list", "{{ [1, 2] == [1, 2] }}"),
    ("eq_str_int", "{{ '1' == 1 }}"),
    ("lt_strings", "{{ 'apple' < 'banana' }}"),
    ("lt_lists", "{{ [1, 2] < [1, 3] }}"),
    ("chained_lt", "{{ 1 < 2 < 3 }}"),
    ("chained_false", "{{ 3 > 2 > 1 > 1 }}"),
    ("chained_mixed", "{{ 1 < 3 == 3 }}"),
    ("le_ge", "{{ 2 <= 2 }} {{ 3 >= 4 }}"),
    ("and_returns_operand", "{{ 1 and 'x' }}"),
    ("and_returns_falsy", "{{ 0 and 'x' }}"),
    ("or_returns_operand", "{{ '' or 'fallback' }}"),
    ("or_first_truthy", "{{ 'a' or 'b' }}"),
    ("or_all_falsy", "{{ 0 or [] }}"),
    ("or_undefined", "{{ nope or 'dflt' }}"),
    ("not", "{{ not 0 }} {{ not 'x' }}"),
    ("not_precedence", "{{ not 1 == 2 }}"),
    ("and_or_precedence", "{{ false and true or 'yes' }}"),
    ("in_string", "{{ 'ell' in 'hello' }}"),
    ("not_in_string", "{{ 'z' not in 'hello' }}"),
    ("in_list", "{{ 2 in [1, 2, 3] }}"),
    ("in_dict", "{{ 'a' in {'a': 1} }}"),
    ("in_dict_value_not_key", "{{ 1 in {'a': 1} }}"),
    ("in_user_tags", "{{ 'vip' in userAttribute.tags }}", LP),
    ("in_user_attribute_keys", "{{ 'First name' in userAttribute }}", LP),
    ("not_in_list", "{{ 4 not in [1, 2] }}"),
    ("not_in_prefix", "{{ not 4 in [1, 2] }}"),
    ("in_empty_string", "{{ '' in 'abc' }}"),
    ("conditional", "{{ 'yes' if 1 else 'no' }}"),
    ("conditional_false", "{{ 'yes' if 0 else 'no' }}"),
    ("conditional_no_else", "[{{ 'yes' if false }}]"),
    ("conditional_nested", "{{ 'a' if false else 'b' if true else 'c' }}"),
    ("truthiness_empty_list", "{{ 'y' if [] else 'n' }}"),
    ("truthiness_empty_dict", "{{ 'y' if {} else 'n' }}"),
    ("truthiness_zero_float", "{{ 'y' if 0.0 else 'n' }}"),
    ("truthiness_string_zero", "{{ 'y' if '0' else 'n' }}"),
    ("add_bool_int", "{{ true + 1 }}"),
    ("arith_context", "{{ parameter.price * parameter.qty }}", LP),
    ("arith_float_int_sum", "{{ 0.5 + 1 }}"),
    ("int_times_float", "{{ 3 * 0.1 }}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("subscript", [
    ("list_index", "{{ l[1] }}", {"l": ["a", "b", "c"]}),
    ("list_negative", "{{ l[-1] }}", {"l": ["a", "b", "c"]}),
    ("list_out_of_range", "[{{ l[5] }}]", {"l": ["a", "b", "c"]}),
    ("list_negative_out_of_range", "[{{ l[-9] }}]", {"l": ["a", "b", "c"]}),
    ("list_out_of_range_defined", "{{ l[5] is defined }}", {"l": ["a"]}),
    ("string_index", "{{ 'hello'[1] }}"),
    ("string_negative_index", "{{ 'hello'[-1] }}"),
    ("dict_item", "{{ d['a'] }}", {"d": {"a": 1}}),
    ("dict_missing_item", "[{{ d['zz'] }}]", {"d": {"a": 1}}),
    ("dict_item_with_space", "{{ userAttribute['First name'] }}", LP),
    ("attr_dot", "{{ parameter.item }}", LP),
    ("attr_missing", "[{{ parameter.nope }}]", LP),
    ("attr_missing_defined", "{{ parameter.nope is defined }}", LP),
    ("nested", "{{ items[0].name }}", LP),
    ("nested_item_chain", "{{ items[1]['price'] }}", LP),
    ("dot_integer_index", "{{ l.0 }}", {"l": ["x", "y"]}),
    ("variable_key", "{{ d[k] }}", {"d": {"a": 1, "b": 2}, "k": "b"}),
    ("slice_basic", "{{ l[1:3] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_open_start", "{{ l[:2] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_open_end", "{{ l[3:] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_step", "{{ l[::2] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_reverse", "{{ l[::-1] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_negative_bounds", "{{ l[-3:-1] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_negative_step_bounds", "{{ l[4:1:-2] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_out_of_range", "{{ l[3:100] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_empty", "{{ l[3:1] }}", {"l": [0, 1, 2, 3, 4]}),
    ("slice_string", "{{ 'hello world'[:5] }}"),
    ("slice_string_reverse", "{{ 'abc'[::-1] }}"),
    ("slice_string_step", "{{ 'abcdef'[1::2] }}"),
    ("slice_unicode_string", "{{ 'héllo'[1:3] }}"),
    ("slice_tuple", "{{ (1, 2, 3)[1:] }}"),
    ("attr_on_none", "{{ n.a }}", {"n": None}),
    ("attr_on_undefined_errors", "{{ nope.a }}"),
    ("item_on_undefined_errors", "{{ nope['a'] }}"),
    ("attr_on_missing_attr_errors", "{{ parameter.nope.deeper }}", LP),
    ("attr_on_int", "[{{ (5).nope }}]"),
    ("attr_string_unknown", "[{{ 'abc'.nope }}]"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("methods", [
    ("upper", "{{ 'abc'.upper() }}"),
    ("lower", "{{ 'ABC'.lower() }}"),
    ("strip", "[{{ '  x  '.strip() }}]"),
    ("strip_chars", "{{ 'xxhixx'.strip('x') }}"),
    ("lstrip", "[{{ '  x  '.lstrip() }}]"),
    ("rstrip", "[{{ '  x  '.rstrip() }}]"),
    ("title", "{{ \"hello o'neil world\".title() }}"),
    ("capitalize", "{{ 'hELLO wORLD'.capitalize() }}"),
    ("startswith", "{{ 'hello'.startswith('he') }}"),
    ("startswith_false", "{{ 'hello'.startswith('lo') }}"),
    ("endswith", "{{ 'hello'.endswith('lo') }}"),
    ("split_default", "{{ '  a b   c '.split() }}"),
    ("split_sep", "{{ 'a,b,,c'.split(',') }}"),
    ("split_maxsplit", "{{ 'a,b,c'.split(',', 1) }}"),
    ("replace", "{{ 'aaa'.replace('a', 'b') }}"),
    ("replace_count", "{{ 'aaa'.replace('a', 'b', 2) }}"),
    ("join", "{{ ', '.join(['a', 'b']) }}"),
    ("count", "{{ 'banana'.count('a') }}"),
    ("find", "{{ 'banana'.find('n') }}"),
    ("find_missing", "{{ 'banana'.find('z') }}"),
    ("format_positional", "{{ '{} is {}'.format('x', 1) }}"),
    ("format_indexed", "{{ '{1}-{0}'.format('a', 'b') }}"),
    ("format_named", "{{ 'Hi {name}!'.format(name='Ada') }}"),
    ("method_on_context", "{{ userAttribute['First name'].upper() }}", LP),
    ("method_on_variable", "{{ s.lower() }}", {"s": "MiXeD"}),
    ("dict_items_loop", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {"d": {"b": 1, "a": 2}}),
    ("dict_keys", "{{ d.keys()|list }}", {"d": {"b": 1, "a": 2}}),
    ("dict_values", "{{ d.values()|list }}", {"d": {"b": 1, "a": 2}}),
    ("dict_get", "{{ d.get('a') }}", {"d": {"a": 1}}),
    ("dict_get_missing", "{{ d.get('z') }}", {"d": {"a": 1}}),
    ("dict_get_default", "{{ d.get('z', 'dflt') }}", {"d": {"a": 1}}),
    ("dict_items_print", "{{ d.items() }}", {"d": {"a": 1}}),
    ("dict_keys_print", "{{ d.keys() }}", {"d": {"a": 1, "b": 2}}),
    ("dict_items_list", "{{ d.items()|list }}", {"d": {"a": 1, "b": "x"}}),
    ("user_attribute_items", "{% for k, v in userAttribute.items() %}{{ k }};{% endfor %}", LP),
    ("method_chain", "{{ ' A,B '.strip().lower().split(',') }}"),
    ("attr_same_as_item", "{{ d.name == d['name'] }}", {"d": {"name": "x"}}),
    ("dict_key_items_loop", "{% for x in d.items %}{{ x }}{% endfor %}", {"d": {"items": [1, 2]}}),
    ("dict_key_keys_subscript", "{{ d.keys[0] }}", {"d": {"keys": ["k"]}}),
    ("unknown_method_errors", "{{ 'abc'.nope() }}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("undefined", [
    ("print", "[{{ nope }}]"),
    ("print_nested_key", "[{{ userAttribute['Middle name'] }}]", LP),
    ("attr_errors", "{{ nope.a }}"),
    ("length", "{{ nope|length }}"),
    ("iterate", "{% for x in nope %}x{% else %}empty{% endfor %}"),
    ("is_defined", "{{ nope is defined }}"),
    ("is_undefined", "{{ nope is undefined }}"),
    ("default", "{{ nope|default('d') }}"),
    ("default_attr", "{{ parameter.nope|default('d') }}", LP),
    ("if_false", "{% if nope %}y{% else %}n{% endif %}"),
    ("not", "{{ not nope }}"),
    ("eq_none", "{{ nope == none }}"),
    ("is_none", "{{ nope is none }}"),
    ("add_errors", "{{ nope + 1 }}"),
    ("upper_filter", "[{{ nope|upper }}]"),
    ("string_filter", "[{{ nope|string }}]"),
    ("join", "[{{ nope|join(',') }}]"),
    ("list", "{{ nope|list }}"),
    ("in_list", "{{ nope in [1] }}"),
    ("none_prints", "{{ none }}"),
    ("none_attr_undefined", "[{{ none.a }}]"),
    ("none_default", "{{ none|default('d') }}"),
    ("none_default_boolean", "{{ none|default('d', true) }}"),
    ("none_is_defined", "{{ x is defined }}", {"x": None}),
    ("none_length_errors", "{{ x|length }}", {"x": None}),
    ("none_iterate_errors", "{% for a in x %}{% endfor %}", {"x": None}),
    ("in_inline_concat", "Hi {{ userAttribute.nickname }}!", LP),
    ("call_errors", "{{ nope() }}"),
    ("defined_chain", "{{ userAttribute.nickname is defined and userAttribute.nickname.x }}", LP),
    ("email_none_print", "{{ userAttribute.email }}", LP),
    ("email_none_default", "{{ userAttribute.email|default('n/a') }}", LP),
    ("email_none_or", "{{ userAttribute.email or 'n/a' }}", LP),
])

# ---------------------------------------------------------------------------------------------
def _test_cases():
    rows = []
    def t(name, template, ctx=None):
        rows.append((name, template, ctx or {}))
    t("defined_true", "{{ x is defined }}", {"x": 1})
    t("defined_false", "{{ y is defined }}")
    t("undefined_true", "{{ y is undefined }}")
    t("undefined_false", "{{ x is undefined }}", {"x": 0})
    t("none_true", "{{ x is none }}", {"x": None})
    t("none_false", "{{ 0 is none }}")
    t("boolean_true", "{{ false is boolean }}")
    t("boolean_false", "{{ 0 is boolean }}")
    t("true_true", "{{ true is true }}")
    t("true_false", "{{ 1 is true }}")
    t("false_true", "{{ false is false }}")
    t("false_false", "{{ 0 is false }}")
    t("integer_true", "{{ 3 is integer }}")
    t("integer_false_float", "{{ 3.0 is integer }}")
    t("integer_false_bool", "{{ true is integer }}")
    t("float_true", "{{ 3.0 is float }}")
    t("float_false", "{{ 3 is float }}")
    t("number_int", "{{ 3 is number }}")
    t("number_float", "{{ 3.5 is number }}")
    t("number_bool", "{{ true is number }}")
    t("number_false", "{{ '3' is number }}")
    t("string_true", "{{ 'a' is string }}")
    t("string_false", "{{ 1 is string }}")
    t("mapping_true", "{{ {} is mapping }}")
    t("mapping_false", "{{ [] is mapping }}")
    t("mapping_context", "{{ userAttribute is mapping }}", LP)
    t("iterable_list", "{{ [] is iterable }}")
    t("iterable_string", "{{ 'a' is iterable }}")
    t("iterable_dict", "{{ {} is iterable }}")
    t("iterable_false", "{{ 1 is iterable }}")
    t("sequence_list", "{{ [1] is sequence }}")
    t("sequence_string", "{{ 'abc' is sequence }}")
    t("sequence_dict", "{{ {'a': 1} is sequence }}")
    t("sequence_false", "{{ 5 is sequence }}")
    t("callable_method", "{{ 'a'.upper is callable }}")
    t("callable_false", "{{ 'a' is callable }}")
    t("callable_range", "{{ range is callable }}")
    t("sameas_none", "{{ x is sameas none }}", {"x": None})
    t("sameas_false", "{{ 0 is sameas false }}")
    t("sameas_true", "{{ true is sameas true }}")
    t("in_true", "{{ 2 is in [1, 2] }}")
    t("in_false", "{{ 'z' is in 'abc' }}")
    t("even_true", "{{ 4 is even }}")
    t("even_false", "{{ 3 is even }}")
    t("odd_true", "{{ 3 is odd }}")
    t("odd_false", "{{ 0 is odd }}")
    t("odd_negative", "{{ -3 is odd }}")
    t("divisibleby_true", "{{ 9 is divisibleby 3 }}")
    t("divisibleby_call", "{{ 9 is divisibleby(4) }}")
    t("lower_true", "{{ 'abc' is lower }}")
    t("lower_false", "{{ 'aBc' is lower }}")
    t("upper_true", "{{ 'ABC' is upper }}")
    t("upper_false", "{{ 'AbC' is upper }}")
    t("upper_digits_only", "{{ '123' is upper }}")
    t("eq_true", "{{ 1 is eq 1 }}")
    t("eq_false", "{{ 1 is eq(2) }}")
    t("equalto_true", "{{ 'a' is equalto 'a' }}")
    t("ne_true", "{{ 1 is ne 2 }}")
    t("ne_false", "{{ 1 is ne 1 }}")
    t("lt_true", "{{ 1 is lt 2 }}")
    t("lt_false", "{{ 2 is lt 2 }}")
    t("le_true", "{{ 2 is le 2 }}")
    t("le_false", "{{ 3 is le 2 }}")
    t("gt_true", "{{ 3 is gt 2 }}")
    t("gt_false", "{{ 2 is gt 3 }}")
    t("ge_true", "{{ 2 is ge 2 }}")
    t("ge_false", "{{ 1 is ge 2 }}")
    t("greaterthan", "{{ 5 is greaterthan 4 }}")
    t("lessthan", "{{ 5 is lessthan 4 }}")
    # The operator spellings name tests for select/reject; after `is` they are a syntax error.
    t("operator_eq", "{{ [1, 2, 3]|select('==', 2)|list }}")
    t("operator_ne", "{{ [1, 2, 3]|select('!=', 2)|list }}")
    t("operator_lt", "{{ [1, 2, 3]|select('<', 2)|list }}")
    t("operator_le", "{{ [1, 2, 3]|select('<=', 2)|list }}")
    t("operator_gt", "{{ [1, 2, 3]|reject('>', 2)|list }}")
    t("operator_ge", "{{ [1, 2, 3]|select('>=', 2)|list }}")
    t("operator_after_is_errors", "{{ 1 is == 1 }}")
    t("is_not", "{{ 3 is not even }}")
    t("is_not_defined", "{{ nope is not defined }}")
    t("is_precedence_with_not", "{{ not 3 is even }}")
    t("is_in_if", "{% if userAttribute.age is number and userAttribute.age > 18 %}adult{% endif %}", LP)
    t("unknown_test", "{{ 1 is nosuchtest }}")
    t("unknown_test_in_if_not_reached", "{% if false %}{{ 1 is nosuchtest }}{% endif %}ok")
    t("unknown_test_in_if_reached", "{% if true %}{{ 1 is nosuchtest }}{% endif %}")
    return rows


CASES += _section("tests", _test_cases())

# ---------------------------------------------------------------------------------------------
CASES += _section("filters", [
    # abs
    ("abs.int", "{{ -5|abs }}"),
    ("abs.float", "{{ (-2.5)|abs }}"),
    ("abs.negative_literal_precedence", "{{ -5|abs == 5 }}"),
    # attr
    ("attr.dict_key", "[{{ d|attr('a') }}]", {"d": {"a": 1}}),
    ("attr.method", "{{ ('abc'|attr('upper'))() }}"),
    ("attr.missing", "[{{ 'abc'|attr('nope') }}]"),
    # batch
    ("batch.basic", "{{ l|batch(2)|list }}", {"l": [1, 2, 3, 4, 5]}),
    ("batch.fill", "{{ l|batch(2, 'x')|list }}", {"l": [1, 2, 3, 4, 5]}),
    ("batch.exact", "{{ l|batch(3)|list }}", {"l": [1, 2, 3]}),
    ("batch.loop", "{% for row in items|batch(2) %}[{% for i in row %}{{ i.name }}{% endfor %}]{% endfor %}", LP),
    # capitalize
    ("capitalize.basic", "{{ 'hELLO world'|capitalize }}"),
    ("capitalize.empty", "[{{ ''|capitalize }}]"),
    ("capitalize.number_string", "{{ '1abc'|capitalize }}"),
    # center
    ("center.default_width", "[{{ 'x'|center }}]"),
    ("center.width", "[{{ 'ab'|center(7) }}]"),
    ("center.odd", "[{{ 'abc'|center(6) }}]"),
    ("center.narrow", "[{{ 'abcdef'|center(3) }}]"),
    # default / d
    ("default.undefined", "{{ nope|default('dflt') }}"),
    ("default.defined", "{{ x|default('dflt') }}", {"x": "v"}),
    ("default.empty_string_kept", "[{{ x|default('dflt') }}]", {"x": ""}),
    ("default.boolean_empty", "{{ x|default('dflt', true) }}", {"x": ""}),
    ("default.boolean_keyword", "{{ 0|default('dflt', boolean=true) }}"),
    ("default.boolean_truthy_kept", "{{ 'v'|default('dflt', true) }}"),
    ("default.alias_d", "{{ nope|d('x') }}"),
    ("default.none", "{{ none|default('dflt') }}"),
    ("default.no_args", "[{{ nope|default }}]"),
    ("default.chained_attr", "{{ userAttribute['Middle name']|default(userAttribute['First name']) }}", LP),
    # dictsort
    ("dictsort.basic", "{{ d|dictsort }}", {"d": {"b": 1, "A": 2, "c": 0}}),
    ("dictsort.case_sensitive", "{{ d|dictsort(true) }}", {"d": {"b": 1, "A": 2, "c": 0}}),
    ("dictsort.by_value", "{{ d|dictsort(by='value') }}", {"d": {"b": 1, "A": 2, "c": 0}}),
    ("dictsort.reverse", "{{ d|dictsort(reverse=true) }}", {"d": {"b": 1, "A": 2, "c": 0}}),
    ("dictsort.loop", "{% for k, v in d|dictsort %}{{ k }}:{{ v }} {% endfor %}", {"d": {"z": 1, "a": 2}}),
    ("dictsort.case_sensitive_kw", "{{ d|dictsort(case_sensitive=true)|map('first')|join }}", {"d": {"b": 1, "B": 2, "a": 3}}),
    # escape / e / forceescape
    ("escape.all", "{{ '<a href=\"x\">Tom & Jerry\\'s</a>'|escape }}"),
    ("escape.alias_e", "{{ '<b>'|e }}"),
    ("escape.number", "{{ 5|e }}"),
    ("escape.none", "{{ none|e }}"),
    ("escape.double", "{{ '&amp;'|e|e }}"),
    ("forceescape.basic", "{{ '<i>'|forceescape }}"),
    # first / last
    ("first.list", "{{ [3, 2, 1]|first }}"),
    ("first.string", "{{ 'abc'|first }}"),
    ("first.empty", "[{{ []|first }}]"),
    ("first.dict_key", "{{ {'k': 1, 'j': 2}|first }}"),
    ("last.list", "{{ [3, 2, 1]|last }}"),
    ("last.string", "{{ 'abc'|last }}"),
    ("last.empty", "[{{ []|last }}]"),
    # float
    ("float.int", "{{ 3|float }}"),
    ("float.string", "{{ '3.25'|float }}"),
    ("float.bad", "{{ 'x'|float }}"),
    ("float.bad_default", "{{ 'x'|float(1.5) }}"),
    ("float.exp_string", "{{ '1e3'|float }}"),
    ("float.none", "{{ none|float }}"),
    ("float.padded", "{{ '  2.5 '|float }}"),
    ("float.bool", "{{ true|float }}"),
    ("float.context_price_string", "{{ p|float * 2 }}", {"p": "19.99"}),
    # format
    ("format.percent_s", "{{ '%s - %s'|format('a', 1) }}"),
    ("format.percent_d", "{{ '%05d'|format(42) }}"),
    ("format.percent_f", "{{ '%.2f'|format(3.14159) }}"),
    ("format.percent_x", "{{ '%x'|format(255) }}"),
    ("format.named", "{{ '%(a)s+%(b)s'|format(a=1, b=2) }}"),
    ("format.percent_literal", "{{ '100%% %s'|format('sure') }}"),
    # groupby
    ("groupby.basic", "{% for g in users|groupby('age') %}{{ g.grouper }}:{{ g.list|map(attribute='name')|join(',') }};{% endfor %}", USERS),
    ("groupby.tuple_unpack", "{% for city, us in users|groupby('city', default='?') %}{{ city }}={{ us|length }};{% endfor %}", USERS),
    ("groupby.case_insensitive", "{% for g in items|groupby('category') %}{{ g.grouper }}:{{ g.list|length }};{% endfor %}", LP),
    ("groupby.case_sensitive", "{% for g in items|groupby('category', case_sensitive=true) %}{{ g.grouper }}:{{ g.list|length }};{% endfor %}", LP),
    ("groupby.missing_attr_errors", "{% for g in users|groupby('city') %}{{ g.grouper }};{% endfor %}", USERS),
    # indent
    ("indent.default", "{{ 'a\nb\nc'|indent }}"),
    ("indent.width", "{{ 'a\nb'|indent(2) }}"),
    ("indent.first", "{{ 'a\nb'|indent(2, true) }}"),
    ("indent.blank", "{{ 'a\n\nb'|indent(2) }}"),
    ("indent.blank_kw", "{{ 'a\n\nb'|indent(2, blank=true) }}"),
    ("indent.string_width", "{{ 'a\nb'|indent('> ') }}"),
    ("indent.first_kw", "{{ 'a\nb'|indent(width=1, first=true) }}"),
    ("indent.trailing_newline", "{{ 'a\nb\n'|indent(2)|length }}"),
    # int
    ("int.float_string", "{{ '3.9'|int }}"),
    ("int.float", "{{ 3.9|int }}"),
    ("int.negative_float", "{{ -3.9|int }}"),
    ("int.bad", "{{ 'x'|int }}"),
    ("int.bad_default", "{{ 'x'|int(7) }}"),
    ("int.hex_base", "{{ '0x1A'|int(0, 16) }}"),
    ("int.base_kw", "{{ 'ff'|int(base=16) }}"),
    ("int.binary_prefix_base2", "{{ '0b101'|int(0, 2) }}"),
    ("int.octal", "{{ '0o17'|int(base=8) }}"),
    ("int.underscore", "{{ '1_000'|int }}"),
    ("int.padded", "{{ ' 42 '|int }}"),
    ("int.none", "{{ none|int }}"),
    ("int.bool", "{{ true|int }}"),
    ("int.exp_string", "{{ '1e3'|int }}"),
    ("int.context_string", "{{ userAttribute.age|string|int + 1 }}", LP),
    # items
    ("items.dict", "{{ d|items|list }}", {"d": {"a": 1, "b": 2}}),
    ("items.loop", "{% for k, v in parameter|items %}{{ k }},{% endfor %}", LP),
    ("items.undefined", "{{ nope|items|list }}"),
    # join
    ("join.default", "{{ [1, 2, 3]|join }}"),
    ("join.sep", "{{ ['a', 'b']|join(', ') }}"),
    ("join.attribute", "{{ items|join(', ', attribute='name') }}", LP),
    ("join.mixed_types", "{{ [1, none, 'x', 2.5]|join('-') }}"),
    ("join.string", "{{ 'abc'|join('.') }}"),
    ("join.nested", "{{ [[1, 2], 'x']|join('|') }}"),
    ("join.dict_keys", "{{ {'a': 1, 'b': 2}|join(',') }}"),
    ("join.attribute_none", "{{ ['a', 1, none]|join(',', attribute=none) }}"),
    ("join.attribute_index", "{{ [[1, 'x'], [2, 'y']]|join('-', attribute=1) }}"),
    # length / count
    ("length.string", "{{ 'héllo'|length }}"),
    ("length.list", "{{ [1, 2]|length }}"),
    ("length.dict", "{{ {'a': 1}|length }}"),
    ("length.count_alias", "{{ 'abc'|count }}"),
    ("length.int_errors", "{{ 5|length }}"),
    ("length.emoji", "{{ '😀a'|length }}"),
    # list
    ("list.string", "{{ 'abc'|list }}"),
    ("list.dict", "{{ {'a': 1, 'b': 2}|list }}"),
    ("list.tuple", "{{ (1, 2)|list }}"),
    ("list.int_errors", "{{ 5|list }}"),
    # lower / upper
    ("lower.basic", "{{ 'HeLLo'|lower }}"),
    ("lower.unicode", "{{ 'ÉCOLE'|lower }}"),
    ("lower.number", "{{ 5|lower }}"),
    ("upper.basic", "{{ 'hello'|upper }}"),
    ("upper.unicode", "{{ 'straße'|upper }}"),
    # map
    ("map.attribute", "{{ items|map(attribute='name')|list }}", LP),
    ("map.attribute_default", "{{ users|map(attribute='city', default='-')|list }}", USERS),
    ("map.filter", "{{ ['a', 'b']|map('upper')|list }}"),
    ("map.filter_args", "{{ [1.25, 2.75]|map('round', 1)|list }}"),
    ("map.filter_join", "{{ userAttribute.tags|map('lower')|join(',') }}", LP),
    ("map.nested_attribute", "{{ rows|map(attribute='a.b')|list }}", {"rows": [{"a": {"b": 1}}, {"a": {"b": 2}}]}),
    ("map.int_attribute", "{{ rows|map(attribute='0')|list }}", {"rows": [[1, 2], [3, 4]]}),
    ("map.unknown_filter_errors", "{{ [1]|map('nosuch')|list }}"),
    # max / min
    ("max.ints", "{{ [3, 9, 2]|max }}"),
    ("max.strings_case_insensitive", "{{ ['b', 'C', 'a']|max }}"),
    ("max.case_sensitive", "{{ ['b', 'C', 'a']|max(case_sensitive=true) }}"),
    ("max.attribute", "{{ (items|max(attribute='price')).name }}", LP),
    ("max.empty", "[{{ []|max }}]"),
    ("min.ints", "{{ [3, 9, 2]|min }}"),
    ("min.strings_case_insensitive", "{{ ['b', 'C', 'a', 'B']|min }}"),
    ("min.case_sensitive", "{{ ['b', 'C', 'a']|min(case_sensitive=true) }}"),
    ("min.attribute", "{{ (users|min(attribute='age')).name }}", USERS),
    ("min.mixed_numbers", "{{ [2, 1.5, 3]|min }}"),
    # reject / select
    ("select.odd", "{{ nums|select('odd')|list }}", NUMS),
    ("select.truthy", "{{ [0, 1, '', 'a', none, [], [0]]|select|list }}"),
    ("select.test_arg", "{{ nums|select('divisibleby', 3)|list }}", NUMS),
    ("select.gt", "{{ nums|select('>', 4)|list }}", NUMS),
    ("select.in", "{{ ['a', 'b', 'c']|select('in', ['a', 'c'])|list }}"),
    ("select.defined", "{{ [1, nope, 2]|select('defined')|list }}"),
    ("reject.odd", "{{ nums|reject('odd')|list }}", NUMS),
    ("reject.falsy", "{{ [0, 1, '', 'a']|reject|list }}"),
    ("reject.equalto", "{{ words|reject('equalto', 'apple')|list }}", WORDS),
    ("select.unknown_test_errors", "{{ [1]|select('nosuch')|list }}"),
    # rejectattr / selectattr
    ("selectattr.truthy", "{{ users|selectattr('active')|map(attribute='name')|join(',') }}", USERS),
    ("selectattr.test", "{{ users|selectattr('age', 'gt', 26)|map(attribute='name')|join(',') }}", USERS),
    ("selectattr.equalto", "{{ users|selectattr('age', 'equalto', 25)|map(attribute='name')|join(',') }}", USERS),
    ("selectattr.defined", "{{ users|selectattr('city', 'defined')|list|length }}", USERS),
    ("rejectattr.truthy", "{{ users|rejectattr('active')|map(attribute='name')|join(',') }}", USERS),
    ("rejectattr.test", "{{ items|rejectattr('price', 'lt', 10)|map(attribute='name')|join(',') }}", LP),
    ("rejectattr.undefined_test", "{{ users|rejectattr('city', 'undefined')|map(attribute='name')|join(',') }}", USERS),
    # replace
    ("replace.basic", "{{ 'Hello World'|replace('o', '0') }}"),
    ("replace.count", "{{ 'aaaa'|replace('a', 'b', 2) }}"),
    ("replace.empty_old", "{{ 'ab'|replace('', '-') }}"),
    ("replace.number", "{{ 1234|replace('2', 'x') }}"),
    # reverse
    ("reverse.string", "{{ 'abc'|reverse }}"),
    ("reverse.list", "{{ [1, 2, 3]|reverse|list }}"),
    ("reverse.list_join", "{{ userAttribute.tags|reverse|join(' ') }}", LP),
    ("reverse.dict_keys", "{{ {'a': 1, 'b': 2}|reverse|list }}"),
    # round
    ("round.half_even_2_5", "{{ 2.5|round }}"),
    ("round.half_even_3_5", "{{ 3.5|round }}"),
    ("round.binary_2_675", "{{ 2.675|round(2) }}"),
    ("round.int_common", "{{ 42|round }}"),
    ("round.int_floor", "{{ 42|round(method='floor') }}"),
    ("round.int_ceil", "{{ 42|round(method='ceil') }}"),
    ("round.precision", "{{ 3.14159|round(2) }}"),
    ("round.ceil", "{{ 3.14159|round(2, 'ceil') }}"),
    ("round.floor", "{{ 3.99|round(1, 'floor') }}"),
    ("round.floor_negative", "{{ -3.11|round(1, 'floor') }}"),
    ("round.negative_half", "{{ -2.5|round }}"),
    ("round.precision_zero_float", "{{ 1.0|round(3) }}"),
    ("round.negative_precision", "{{ 1234.5|round(-2) }}"),
    ("round.int_precision", "{{ 1234|round(-2) }}"),
    ("round.method_common", "{{ 2.5|round(0, 'common') }} {{ 7|round(method='common') }} {{ 2.675|round(2, method='common') }}"),
    ("round.ceil_int_negative_precision", "{{ 1234|round(-2, method='ceil') }} {{ 1234|round(-2, 'floor') }}"),
    ("round.then_int", "{{ 2.7|round|int }}"),
    ("round.bad_method_errors", "{{ 2.5|round(method='up') }}"),
    ("round.string_errors", "{{ '2.5'|round }}"),
    ("round.price", "{{ (parameter.price * 1.2)|round(2) }}", LP),
    # safe
    ("safe.basic", "{{ '<b>'|safe }}"),
    ("safe.then_escape", "{{ '<b>'|safe|e }}"),
    # slice
    ("slice.basic", "{{ [1, 2, 3, 4, 5]|slice(2)|list }}"),
    ("slice.fill", "{{ [1, 2, 3, 4, 5]|slice(3, 0)|list }}"),
    ("slice.more_than_items", "{{ [1, 2]|slice(3)|list }}"),
    ("slice.even", "{{ [1, 2, 3, 4]|slice(2)|list }}"),
    # sort
    ("sort.ints", "{{ nums|sort }}", NUMS),
    ("sort.strings_case_insensitive", "{{ words|sort }}", WORDS),
    ("sort.case_sensitive", "{{ words|sort(case_sensitive=true) }}", WORDS),
    ("sort.reverse", "{{ nums|sort(reverse=true) }}", NUMS),
    ("sort.attribute", "{{ users|sort(attribute='name')|map(attribute='name')|join(',') }}", USERS),
    ("sort.attribute_multiple", "{{ users|sort(attribute='age,name')|map(attribute='name')|join(',') }}", USERS),
    ("sort.mixed_numbers", "{{ [2, 1.5, 1, 0.5]|sort }}"),
    ("sort.string_chars", "{{ 'cBa'|sort }}"),
    ("sort.mixed_types_errors", "{{ [1, 'a']|sort }}"),
    ("sort.stable_case_insensitive", "{{ ['b', 'A', 'a', 'B']|sort }}"),
    # string
    ("string.int", "{{ 5|string ~ 5 }}"),
    ("string.list", "{{ [1, 'a']|string }}"),
    ("string.none", "{{ none|string }}"),
    ("string.float", "{{ 2.50|string }}"),
    ("string.bool", "{{ true|string|lower }}"),
    # striptags
    ("striptags.basic", "{{ '<p>Hello <b>World</b></p>'|striptags }}"),
    ("striptags.whitespace", "{{ '  a \n\n  <br/> b  '|striptags }}"),
    ("striptags.entities", "{{ 'a &amp; b &lt;3'|striptags }}"),
    ("striptags.comment", "{{ 'x<!-- hidden -->y'|striptags }}"),
    # sum
    ("sum.ints", "{{ [1, 2, 3]|sum }}"),
    ("sum.floats", "{{ [0.1, 0.2]|sum }}"),
    ("sum.attribute", "{{ items|sum(attribute='qty') }}", LP),
    ("sum.start", "{{ [1, 2]|sum(start=10) }}"),
    ("sum.attribute_start", "{{ items|sum(attribute='price', start=1) }}", LP),
    ("sum.empty", "{{ []|sum }}"),
    ("sum.strings_errors", "{{ ['a', 'b']|sum }}"),
    # title
    ("title.basic", "{{ 'hello world'|title }}"),
    ("title.apostrophe", "{{ \"mary o'brien\"|title }}"),
    ("title.hyphen", "{{ 'jean-luc picard'|title }}"),
    ("title.mixed_case", "{{ 'hELLO wORLD'|title }}"),
    ("title.digits", "{{ '3rd street'|title }}"),
    ("title.parens", "{{ 'a (big) deal'|title }}"),
    ("title.brackets_braces", "{{ '[x] {y} <z>'|title }}"),
    ("title.tabs", "{{ 'a\tb'|title }}"),
    # tojson
    ("tojson.dict_sorted", "{{ {'b': 1, 'a': [1.0, none, true]}|tojson }}"),
    ("tojson.escapes", "{{ \"<a href='x'>&</a>\"|tojson }}"),
    ("tojson.non_ascii", "{{ 'é中'|tojson }}"),
    ("tojson.emoji", "{{ '😀'|tojson }}"),
    ("tojson.control", r"{{ 'a\nb\t\"c\\'|tojson }}"),
    ("tojson.indent", "{{ {'a': [1, 2], 'b': {}}|tojson(2) }}"),
    ("tojson.nested_context", "{{ userAttribute|tojson }}", LP),
    ("tojson.float", "{{ [1.5, 2.0, 1e16, 0.1]|tojson }}"),
    ("tojson.none", "{{ none|tojson }}"),
    ("tojson.string_number", "{{ '1'|tojson }}"),
    ("tojson.tuple", "{{ (1, 'a')|tojson }}"),
    ("tojson.empty", "{{ []|tojson }} {{ {}|tojson }}"),
    ("tojson.undefined_errors", "{{ nope|tojson }}"),
    # trim
    ("trim.basic", "[{{ '  x y  '|trim }}]"),
    ("trim.chars", "[{{ '--x--'|trim('-') }}]"),
    ("trim.newlines", "[{{ '\n\tx\n'|trim }}]"),
    # truncate
    ("truncate.short", "{{ 'hello'|truncate(10) }}"),
    ("truncate.leeway", "{{ 'hello world'|truncate(9) }}"),
    ("truncate.words", "{{ 'The quick brown fox jumps over the lazy dog'|truncate(20) }}"),
    ("truncate.killwords", "{{ 'The quick brown fox jumps'|truncate(12, true) }}"),
    ("truncate.end", "{{ 'The quick brown fox jumps'|truncate(12, false, '…') }}"),
    ("truncate.leeway_zero", "{{ 'hello world!'|truncate(10, leeway=0) }}"),
    ("truncate.within_leeway", "{{ 'hello world!'|truncate(10) }}"),
    ("truncate.default_length", "{{ ('abc ' * 100)|truncate|length }}"),
    ("truncate.end_kw", "{{ 'one two three four'|truncate(9, end='>>', leeway=0) }}"),
    ("truncate.no_space", "{{ 'abcdefghijklmnop'|truncate(8, leeway=0) }}"),
    # unique
    ("unique.ints", "{{ [1, 2, 1, 3, 2]|unique|list }}"),
    ("unique.case_insensitive", "{{ words|unique|list }}", WORDS),
    ("unique.case_sensitive", "{{ words|unique(case_sensitive=true)|list }}", WORDS),
    ("unique.attribute", "{{ users|unique(attribute='age')|map(attribute='name')|list }}", USERS),
    ("unique.mixed_numbers", "{{ [1, 1.0, true]|unique|list }}"),
    # urlencode
    ("urlencode.string", "{{ 'a b&c/d?é'|urlencode }}"),
    ("urlencode.dict", "{{ {'q': 'a b', 'n': 1}|urlencode }}"),
    ("urlencode.pairs", "{{ [('a', 1), ('b', 'x/y')]|urlencode }}"),
    ("urlencode.context", "{{ parameter.source|urlencode }}", LP),
    ("urlencode.reserved", "{{ \"~-._!*'();:@=+$,#[]\"|urlencode }}"),
    ("urlencode.number", "{{ 42|urlencode }}"),
    ("urlencode.dict_special", "{{ {'a&b': 'c=d/e'}|urlencode }}"),
    ("urlencode.emoji", "{{ '😀'|urlencode }}"),
    # wordcount
    ("wordcount.basic", "{{ 'one two  three'|wordcount }}"),
    ("wordcount.punctuation", "{{ \"don't stop-me now!\"|wordcount }}"),
    ("wordcount.empty", "{{ ''|wordcount }}"),
    # wordwrap
    ("wordwrap.basic", "{{ 'The quick brown fox jumps over the lazy dog'|wordwrap(10) }}"),
    ("wordwrap.break_long", "{{ 'abcdefghijkl mn'|wordwrap(5) }}"),
    ("wordwrap.no_break_long", "{{ 'abcdefghijkl mn'|wordwrap(5, false) }}"),
    ("wordwrap.wrapstring", "{{ 'aaa bbb ccc'|wordwrap(4, wrapstring='|') }}"),
    ("wordwrap.keep_newlines", "{{ 'aaa bbb\nccc ddd'|wordwrap(5) }}"),
    ("wordwrap.default_width", "{{ ('word ' * 30)|wordwrap|length }}"),
    # xmlattr
    ("xmlattr.basic", "<a{{ {'href': '/x?a=1&b=2', 'class': 'btn'}|xmlattr }}>"),
    ("xmlattr.skips_none", "<a{{ {'a': none, 'b': 'y', 'c': nope} |xmlattr }}>"),
    ("xmlattr.no_autospace", "<a{{ {'a': 1}|xmlattr(false) }}>"),
    ("xmlattr.escapes_quotes", "<a{{ {'title': 'say \"hi\" <now>'}|xmlattr }}>"),
    # lengths and misc on context data
    ("misc.filter_chain", "{{ userAttribute['First name']|lower|replace('a', '@')|upper }}", LP),
    ("misc.filter_no_parens_arg", "{{ 'x'|center(5)|length }}"),
    ("misc.unknown_filter", "{{ 1|nosuchfilter }}"),
    ("misc.unknown_filter_in_if_not_reached", "{% if false %}{{ 1|nosuchfilter }}{% endif %}ok"),
    ("misc.unknown_filter_in_if_reached", "{% if true %}{{ 1|nosuchfilter }}{% endif %}"),
    ("misc.unknown_filter_in_else_not_reached", "{% if true %}ok{% else %}{{ 1|nosuchfilter }}{% endif %}"),
    ("misc.unknown_filter_in_condition", "{% if x|nosuchfilter %}y{% endif %}"),
    ("misc.unknown_filter_in_inline_if_not_reached", "{{ 1|nosuchfilter if false else 'ok' }}"),
    ("misc.unknown_filter_in_for", "{% for x in [] %}{{ x|nosuchfilter }}{% endfor %}ok"),
    ("misc.unknown_filter_in_set", "{% set x = 1|nosuchfilter %}"),
    ("misc.unknown_filter_in_macro", "{% macro m() %}{{ 1|nosuchfilter }}{% endmacro %}ok"),
    ("misc.unknown_filter_in_with", "{% with a = 1 %}{{ a|nosuchfilter }}{% endwith %}"),
    ("misc.unknown_filter_block", "{% filter nosuchfilter %}x{% endfilter %}"),
    ("misc.unknown_filter_in_if_inside_for", "{% for x in [1] %}{% if false %}{{ x|nosuchfilter }}{% endif %}{% endfor %}ok"),
    ("misc.filter_wrong_arg_type_errors", "{{ 'abc'|center('x') }}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("if", [
    ("basic", "{% if x %}yes{% endif %}", {"x": True}),
    ("false", "{% if x %}yes{% endif %}", {"x": False}),
    ("else", "{% if x %}yes{% else %}no{% endif %}", {"x": 0}),
    ("elif", "{% if x == 1 %}one{% elif x == 2 %}two{% elif x == 3 %}three{% else %}other{% endif %}", {"x": 2}),
    ("elif_else", "{% if x == 1 %}one{% elif x == 2 %}two{% else %}other{% endif %}", {"x": 9}),
    ("nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", {"a": 1, "b": 0}),
    ("vip_greeting", "{% if userAttribute.vip %}Dear VIP {{ userAttribute['First name'] }}{% else %}Hi{% endif %}", LP),
    ("compare_context", "{% if parameter.price > 50 %}expensive{% endif %}", LP),
    ("empty_string_falsy", "{% if parameter.empty %}x{% else %}empty{% endif %}", LP),
    ("multiline", "{% if true %}\nline\n{% endif %}\n"),
    ("not_in", "{% if 'x' not in userAttribute.tags %}no x{% endif %}", LP),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("for", [
    ("basic", "{% for x in [1, 2, 3] %}{{ x }}{% endfor %}"),
    ("string", "{% for c in 'abc' %}{{ c }}.{% endfor %}"),
    ("dict_keys", "{% for k in d %}{{ k }}{% endfor %}", {"d": {"b": 1, "a": 2}}),
    ("else_empty", "{% for x in [] %}{{ x }}{% else %}none{% endfor %}"),
    ("else_not_run", "{% for x in [1] %}{{ x }}{% else %}none{% endfor %}"),
    ("unpack", "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}-{{ b }};{% endfor %}"),
    ("unpack_tuple_parens", "{% for (a, b) in [(1, 2)] %}{{ a + b }}{% endfor %}"),
    ("unpack_wrong_count_errors", "{% for a, b in [[1, 2, 3]] %}{{ a }}{% endfor %}"),
    ("filter_if", "{% for x in range(10) if x is odd %}{{ x }}{% endfor %}"),
    ("filter_if_loop_index", "{% for x in range(10) if x is odd %}{{ loop.index }}/{{ loop.length }} {% endfor %}"),
    ("filter_if_else", "{% for x in [1, 3] if x is even %}{{ x }}{% else %}no evens{% endfor %}"),
    ("loop_index", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }} {% endfor %}"),
    ("loop_revindex", "{% for x in 'abc' %}{{ loop.revindex }}{{ loop.revindex0 }} {% endfor %}"),
    ("loop_first_last", "{% for x in 'abc' %}{{ loop.first }}/{{ loop.last }} {% endfor %}"),
    ("loop_length", "{% for x in items %}{{ loop.length }}{% endfor %}", LP),
    ("loop_cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}"),
    ("loop_previtem", "{% for x in [1, 2, 3] %}[{{ loop.previtem }}]{% endfor %}"),
    ("loop_nextitem", "{% for x in [1, 2, 3] %}[{{ loop.nextitem }}]{% endfor %}"),
    ("loop_previtem_defined", "{% for x in [1, 2] %}{{ loop.previtem is defined }}{% endfor %}"),
    ("loop_changed", "{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}"),
    ("loop_depth", "{% for x in [1] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}"),
    ("nested_loops", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{% endfor %}"),
    ("outer_loop_via_set", "{% for a in [1, 2] %}{% set outer = loop %}{% for b in 'xy' %}{{ outer.index }}{{ loop.index }} {% endfor %}{% endfor %}"),
    ("break", "{% for x in range(10) %}{% if x == 3 %}{% break %}{% endif %}{{ x }}{% endfor %}"),
    ("continue", "{% for x in range(6) %}{% if x is even %}{% continue %}{% endif %}{{ x }}{% endfor %}"),
    ("break_first_pass_else_runs", "{% for x in [1, 2] %}{% break %}{% else %}ELSE{% endfor %}"),
    ("break_later_else", "{% for x in [1, 2] %}{{ x }}{% if x == 2 %}{% break %}{% endif %}{% else %}ELSE{% endfor %}"),
    ("continue_all_else", "{% for x in [1, 2] %}{% continue %}{% else %}ELSE{% endfor %}"),
    ("range_stop", "{{ range(4)|list }}"),
    ("range_start_stop", "{{ range(2, 5)|list }}"),
    ("range_step", "{{ range(10, 0, -3)|list }}"),
    ("range_print", "{{ range(3) }}"),
    ("items_loop", "{% for item in items %}{{ item.name }}: {{ item.price }} x {{ item.qty }}\n{% endfor %}", LP),
    ("dict_items_sorted", "{% for k, v in parameter|dictsort %}{{ k }};{% endfor %}", LP),
    ("scoping_set_inside", "{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + i %}{{ x }}{% endfor %}|{{ x }}"),
    ("loop_var_not_leaked", "{% for i in [1, 2] %}{% endfor %}[{{ i }}]"),
    ("loop_over_int_errors", "{% for x in 5 %}{{ x }}{% endfor %}"),
    ("loop_over_none_context_errors", "{% for x in userAttribute.email %}{{ x }}{% endfor %}", LP),
    ("recursive", "{% for n in tree recursive %}{{ n.name }}{% if n.children %}({{ loop(n.children) }}){% endif %}{% endfor %}",
     {"tree": [{"name": "a", "children": [{"name": "b", "children": []}, {"name": "c"}]}, {"name": "d"}]}),
    ("recursive_depth", "{% for n in tree recursive %}{{ loop.depth }}{% if n.children %}{{ loop(n.children) }}{% endif %}{% endfor %}",
     {"tree": [{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}]}),
    ("loop_index_in_else_undefined", "{% for x in [] %}{% else %}[{{ loop is defined }}]{% endfor %}"),
    ("join_with_loop_last", "{% for t in userAttribute.tags %}{{ t }}{{ ', ' if not loop.last }}{% endfor %}", LP),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("set", [
    ("basic", "{% set x = 5 %}{{ x }}"),
    ("expr", "{% set total = parameter.price * parameter.qty %}{{ total|round(2) }}", LP),
    ("unpack", "{% set a, b = 1, 2 %}{{ a }}{{ b }}"),
    ("unpack_list", "{% set a, b = [3, 4] %}{{ b }}{{ a }}"),
    ("block", "{% set greeting %}Hello {{ userAttribute['First name'] }}!{% endset %}[{{ greeting }}]", LP),
    ("block_filtered", "{% set s | upper %}abc{% endset %}{{ s }}"),
    ("override_context", "{% set userId = 'other' %}{{ userId }}", LP),
    ("namespace", "{% set ns = namespace(count=0) %}{% for x in [1, 2, 3] %}{% set ns.count = ns.count + x %}{% endfor %}{{ ns.count }}"),
    ("namespace_found", "{% set ns = namespace(found=false) %}{% for i in items %}{% if i.price < 5 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}", LP),
    ("namespace_attr_missing", "{% set ns = namespace() %}[{{ ns.nope }}]"),
    ("loop_escaped_namespace", "{% set ns = namespace(l=none) %}{% for x in [1, 2] %}{% set ns.l = loop %}{% endfor %}{% for y in 'abcd' %}{% endfor %}{{ ns.l.index }}/{{ ns.l.first }}/{{ ns.l.last }}"),
    ("namespace_kw_and_attr", "{% set ns = namespace(a=1, b='x') %}{{ ns.a }}{{ ns.b }}"),
    ("set_in_if", "{% if true %}{% set x = 'in' %}{% endif %}{{ x }}"),
    ("set_list_then_index", "{% set l = [10, 20] %}{{ l[1] }}"),
    ("set_dict_then_attr", "{% set d = {'k': 'v'} %}{{ d.k }}"),
    ("set_multiple_targets_errors", "{% set a, b = [1, 2, 3] %}{{ a }}"),
    ("namespace_attr_on_non_namespace_errors", "{% set d = {} %}{% set d.x = 1 %}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("macro", [
    ("basic", "{% macro hi(name) %}Hi {{ name }}!{% endmacro %}{{ hi('Ada') }}"),
    ("default_arg", "{% macro hi(name='you') %}Hi {{ name }}!{% endmacro %}{{ hi() }} {{ hi('Bo') }}"),
    ("keyword_arg", "{% macro f(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ f(b=5, a=1) }}"),
    ("missing_arg_undefined", "{% macro f(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ f(1) }}"),
    ("varargs", "{% macro f(a) %}{{ a }}{{ varargs }}{% endmacro %}{{ f(1, 2, 3) }}"),
    ("kwargs", "{% macro f() %}{{ kwargs }}{% endmacro %}{{ f(x=1, y='z') }}"),
    ("too_many_args_errors", "{% macro f(a) %}{{ a }}{% endmacro %}{{ f(1, 2) }}"),
    ("unknown_kwarg_errors", "{% macro f(a) %}{{ a }}{% endmacro %}{{ f(a=1, b=2) }}"),
    ("caller", "{% macro wrap() %}<{{ caller() }}>{% endmacro %}{% call wrap() %}inside{% endcall %}"),
    ("caller_args", "{% macro each(l) %}{% for x in l %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(v) each([1, 2]) %}[{{ v }}]{% endcall %}"),
    ("macro_uses_context", "{% macro greet() %}Hi {{ userAttribute['First name'] }}{% endmacro %}{{ greet() }}", LP),
    ("recursive", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}{{ fact(5) }}"),
    ("result_is_string", "{% macro two() %}2{% endmacro %}{{ two() ~ two() }}"),
    ("macro_with_loop", "{% macro li(items) %}{% for i in items %}<li>{{ i.name }}</li>{% endfor %}{% endmacro %}<ul>{{ li(items) }}</ul>", LP),
    ("call_non_callable_errors", "{{ x() }}", {"x": 5}),
    ("call_string_errors", "{{ 'abc'() }}"),
    ("default_refers_to_earlier_arg", "{% macro f(a, b=a * 2) %}{{ b }}{% endmacro %}{{ f(3) }}"),
    ("whitespace_inside", "{% macro m() %}\n  x\n{% endmacro %}[{{ m() }}]"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("blocks", [
    ("filter_block", "{% filter upper %}hello {{ userAttribute['First name'] }}{% endfilter %}", LP),
    ("filter_block_args", "{% filter replace('a', 'o') %}banana{% endfilter %}"),
    ("filter_block_chain", "{% filter trim|upper %}  x  {% endfilter %}"),
    ("with", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}"),
    ("with_scoping", "{% with x = 1 %}{{ x }}{% endwith %}[{{ x }}]"),
    ("with_context_ref", "{% with name = userAttribute['First name'] %}{{ name|upper }}{% endwith %}", LP),
    ("with_set_inside", "{% with %}{% set y = 3 %}{{ y }}{% endwith %}[{{ y }}]"),
    ("raw", "{% raw %}{{ not rendered }} {% if %}{% endraw %}"),
    ("raw_whitespace_control", "a {%- raw -%} {{ x }} {%- endraw -%} b"),
    ("comment", "a{# comment {{ x }} #}b"),
    ("comment_multiline", "a{# line1\nline2 #}b"),
    ("comment_whitespace_control", "a {#- c -#} b"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("whitespace", [
    ("strip_left_print", "a  {{- 'b' }}"),
    ("strip_right_print", "{{ 'a' -}}   b"),
    ("strip_block", "a\n  {%- if true -%}\n  b\n  {%- endif -%}\n  c"),
    ("no_trim_blocks", "{% if true %}\nx\n{% endif %}\ny"),
    ("no_lstrip_blocks", "  {% if true %}x{% endif %}"),
    ("plus_modifier", "  {%+ if true %}x{% endif %}"),
    ("plus_modifier_right", "{% if true +%}\nx{% endif %}"),
    ("trailing_newline_removed", "hello\n"),
    ("only_one_trailing_newline_removed", "hello\n\n"),
    ("crlf_template", "a\r\nb{% if true %}\r\nc{% endif %}\r\n"),
    ("cr_only", "a\rb"),
    ("crlf_in_string_literal", "{{ 'x\r\ny'|length }}"),
    ("minus_one_is_whitespace_control", "{{-1}}"),
    ("minus_space_one", "{{ -1 }}"),
    ("for_loop_newlines", "{% for x in [1, 2] %}\n{{ x }}\n{% endfor %}\n"),
    ("for_loop_stripped", "{%- for x in [1, 2] -%}\n  {{ x }}\n{%- endfor -%}"),
    ("json_body", "{\n  \"name\": \"{{ userAttribute['First name'] }}\",\n  \"age\": {{ userAttribute.age }}\n}\n", LP),
    ("tabs_preserved", "\t{{ 'x' }}\t"),
    ("comment_lines", "a\n{# c #}\nb"),
    ("set_line", "{% set x = 1 %}\n{{ x }}"),
    ("strip_both_sides_text", "x {{- ' ' -}} y"),
    ("unicode_whitespace_stripped", "a\u00a0{{- 'b' }}"),
])

# ---------------------------------------------------------------------------------------------
CASES += _section("errors", [
    ("unclosed_if", "{% if true %}x"),
    ("unclosed_for", "{% for x in l %}x"),
    ("unclosed_print", "{{ 1 "),
    ("unclosed_string", "{{ 'abc }}"),
    ("unclosed_comment", "{# never ends"),
    ("unclosed_raw", "{% raw %}x"),
    ("unclosed_paren", "{{ (1 + 2 }}"),
    ("unclosed_list", "{{ [1, 2 }}"),
    ("extra_endif", "x{% endif %}"),
    ("mismatched_end", "{% if true %}{% endfor %}"),
    ("else_without_if", "{% else %}"),
    ("unknown_tag", "{% frobnicate %}"),
    ("empty_print", "{{ }}"),
    ("bad_token", "{{ 1 $ 2 }}"),
    ("bad_token_line_2", "ok\n  {{ $ }}"),
    ("bad_operator_sequence", "{{ 1 + * 2 }}"),
    ("missing_operand", "{{ 1 + }}"),
    ("bad_for", "{% for in x %}{% endfor %}"),
    ("for_missing_in", "{% for x y %}{% endfor %}"),
    ("bad_set", "{% set = 1 %}"),
    ("set_to_literal", "{% set 1 = 2 %}"),
    ("break_outside_loop", "{% break %}"),
    ("continue_outside_loop", "{% continue %}"),
    ("elif_after_else", "{% if a %}{% else %}{% elif b %}{% endif %}"),
    ("filter_missing_name", "{{ 1| }}"),
    ("is_missing_test", "{{ 1 is }}"),
    ("dot_missing_name", "{{ a. }}"),
    ("macro_bad_args", "{% macro m(1) %}{% endmacro %}"),
    ("macro_non_default_after_default", "{% macro m(a=1, b) %}{% endmacro %}"),
    ("error_on_line_3", "a\nb\n{{ 1 + }}"),
    ("render_error_on_line_2", "ok\n{{ 1/0 }}"),
    ("div_zero", "{{ 1/0 }}"),
    ("floordiv_zero", "{{ 1//0 }}"),
    ("mod_zero", "{{ 1%0 }}"),
    ("div_zero_float", "{{ 1.0/0 }}"),
    ("str_minus_int", "{{ 'a' - 1 }}"),
    ("str_plus_int", "{{ 'a' + 1 }}"),
    ("list_plus_int", "{{ [1] + 1 }}"),
    ("compare_str_int", "{{ 'a' < 1 }}"),
    ("undefined_attr", "{{ undefined_thing.attr }}"),
    ("undefined_arith", "{{ nope * 2 }}"),
    ("call_int", "{{ 5() }}"),
    ("call_context_string", "{{ userId() }}", LP),
    ("pow_overflow_100", "{{ 2**100 }}"),
    ("int_literal_too_big", "{{ 99999999999999999999 }}"),
    ("mul_overflow", "{{ 9223372036854775807 * 2 }}"),
    ("add_overflow", "{{ 9223372036854775807 + 1 }}"),
    ("unhashable_dict_key", "{{ {[1]: 2} }}"),
    ("subscript_int_undefined", "[{{ (5)[0] }}]"),
    ("include", "{% include 'other.html' %}"),
    ("extends", "{% extends 'base.html' %}"),
    ("import", "{% import 'macros.html' as m %}"),
    ("unknown_tag_in_if_body", "{% if false %}{% frobnicate %}{% endif %}"),
    ("unclosed_block_line", "line1\n{% for x in [1] %}\nline3"),
    ("endfor_name", "{% for x in [1] %}{% endif %}"),
    ("invalid_escape_hex_errors", r"{{ '\x4' }}"),
    ("stray_close_print", "a }} b"),
    ("stray_close_block", "a %} b"),
    ("lone_brace", "{ {{ 1 }} }"),
])

# ---------------------------------------------------------------------------------------------
# Realistic Leanplum webhook fields.
CASES += _section("leanplum", [
    ("url_path", "https://api.example.com/users/{{ userId }}?src={{ parameter.source|urlencode }}", LP),
    ("greeting_fallback", "Hello {{ userAttribute['Nick name']|default(userAttribute['First name']) }}", LP),
    ("json_value_tojson", "{\"tags\": {{ userAttribute.tags|tojson }}, \"vip\": {{ userAttribute.vip|tojson }}}", LP),
    ("total_price", "{{ '%.2f'|format(parameter.price * parameter.qty) }} {{ parameter.currency }}", LP),
    ("items_summary", "{{ items|map(attribute='name')|map('title')|join(', ') }}", LP),
    ("cart_total", "{{ items|sum(attribute='qty') }} items", LP),
    ("score_round", "{{ userAttribute.score|round|int }}", LP),
    ("age_bucket", "{% if userAttribute.age < 18 %}minor{% elif userAttribute.age < 65 %}adult{% else %}senior{% endif %}", LP),
    ("city_title", "{{ userAttribute.city|title }}", LP),
    ("zero_param", "{{ parameter.zero }}|{{ parameter.zero|default('d') }}|{{ parameter.zero or 'd' }}", LP),
    ("device_check", "{{ device.os|lower == 'ios' and device.version|float >= 17 }}", LP),
    ("full_name", "{{ [userAttribute['First name'], userAttribute['Last name']]|join(' ') }}", LP),
    ("email_none_check", "{% if userAttribute.email is none %}no email{% endif %}", LP),
    ("first_tag", "{{ userAttribute.tags|first|upper }}", LP),
    ("sorted_tags", "{{ userAttribute.tags|sort|join(',') }}", LP),
    ("cheapest", "{{ (items|sort(attribute='price')|first).name }}", LP),
    ("form_body", "name={{ userAttribute['First name']|urlencode }}&item={{ parameter.item|urlencode }}", LP),
])

# ---------------------------------------------------------------------------------------------
# Leanplum additions (Jinjava semantics): Jinja2 has none of these filters, so each case is a
# listed divergence (Jinja2: unknown filter, a syntax error; hooksmith: the Leanplum result).
CASES += _section("leanplum_additions", [
    ("add_numeric_string", "{{ '5'|add(2) }}"),
    ("divide", "{{ 10|divide(4) }}"),
    ("multiply", "{{ 3|multiply(2) }}"),
    ("split_trims_and_drops_empty", "{{ 'a,,b,'|split(',') }}"),
    ("escapejson", "{{ s|escapejson }}", {"s": "say \"hi\"\n"}),
    ("bool", "{{ 1|bool }}"),
    ("datetimeformat_epoch_ms", "{{ 86400000|datetimeformat('%Y-%m-%d %H:%M') }}"),
    ("unixtimestamp", "{{ '1970-01-02T00:00:00Z'|unixtimestamp }}"),
])

# ---------------------------------------------------------------------------------------------
# Safety limits (hooksmith's defaults); Jinja2 has none, so these are listed divergences.
CASES += _section("limits", [
    ("range_too_long", "{{ range(200000)|length }}"),
    ("loop_iterations", "{% for i in range(60000) %}{% for j in range(2) %}{% endfor %}{% endfor %}done"),
    ("nesting_depth", "{{ " + "(" * 250 + "1" + ")" * 250 + " }}"),
    ("macro_recursion", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"),
])

# ---------------------------------------------------------------------------------------------
# More corners where engines tend to part from Jinja2.
CASES += _section("corners", [
    ("float_repr_1e_minus_7", "{{ 1e-7 }}"),
    ("float_repr_many_digits", "{{ 123456789.123 }}"),
    ("float_repr_tiny", "{{ 5e-324 }}"),
    ("float_repr_negative_exp", "{{ -1.5e-10 }}"),
    ("float_repr_in_list", "{{ [1e16, 1e15, 0.1 * 3] }}"),
    ("float_repr_17_digits", "{{ 0.1 + 0.7 }}"),
    ("float_from_string_inf", "{{ 'inf'|float }}"),
    ("float_from_string_nan", "{{ 'nan'|float }}"),
    ("float_from_string_exp", "{{ '1.5e2'|float }}"),
    ("floordiv_float_divisor", "{{ 10 // 2.5 }}"),
    ("negative_zero_equals_zero", "{{ -0.0 == 0 }}"),
    ("pow_fraction", "{{ 2 ** 0.5 }}"),
    ("pow_zero", "{{ 0 ** 0 }}"),
    ("string_times_zero", "[{{ 'abc' * 0 }}]"),
    ("list_times_negative", "{{ [1] * -1 }}"),
    ("mod_float_negative", "{{ -7.5 % 2 }}"),
    ("int_division_exact_big", "{{ 10**15 / 10 }}"),
    ("repr_c_escapes", r"{{ ['\a\b\f\v'] }}"),
    ("repr_c_escapes_length", r"{{ '\a\b\f\v'|length }}"),
    ("repr_nonprintable_unicode", r"{{ ['\u200b\xa0\xad'] }}"),
    ("repr_del_char", r"{{ ['\x7f'] }}"),
    ("repr_dict_keys_quotes", "{{ {\"it's\": 'a\"b'} }}"),
    ("string_compare_unicode", "{{ 'é' > 'z' }}"),
    ("string_compare_case", "{{ 'B' < 'a' }}"),
    ("list_compare_mixed_length", "{{ [1, 2] < [1, 2, 0] }}"),
    ("bool_arith", "{{ true + true }}"),
    ("bool_compare_int", "{{ false < 1 }}"),
    ("format_none", "{{ '%s'|format(none) }}"),
    ("format_list", "{{ '%s'|format([1, 'a']) }}"),
    ("format_float_default", "{{ '%s'|format(2.0) }}"),
    ("truncate_exact_length", "{{ 'hello'|truncate(5) }}"),
    ("truncate_length_minus_end", "{{ 'abcdefghij'|truncate(3, true, '...', 0) }}"),
    ("wordwrap_hyphens", "{{ 'well-known long-standing'|wordwrap(6) }}"),
    ("wordwrap_no_hyphen_break", "{{ 'well-known long-standing'|wordwrap(6, break_on_hyphens=false) }}"),
    ("center_even_padding", "[{{ 'ab'|center(6) }}]"),
    ("round_half_values", "{{ [0.5|round, 1.5|round, -0.5|round, 0.125|round(2)] }}"),
    ("round_ceil_negative", "{{ -2.5|round(method='ceil') }}"),
    ("int_prefixed_base_zero", "{{ '  0x1A '|int(0, 0) }}"),
    ("int_float_string_negative", "{{ '-3.9'|int }}"),
    ("int_big_float", "{{ 1e10|int }}"),
    ("select_on_dict", "{{ {'a': 0, 'b': 1}|select|list }}"),
    ("map_on_dict", "{{ {'a': 0, 'b': 1}|map('upper')|list }}"),
    ("first_undefined", "[{{ nope|first }}]"),
    ("length_tuple", "{{ (1, 2, 3)|length }}"),
    ("sort_dicts_by_attr_reverse", "{{ items|sort(attribute='qty', reverse=true)|map(attribute='name')|join(',') }}", LP),
    ("dictsort_by_value_strings", "{{ d|dictsort(by='value') }}", {"d": {"x": "b", "y": "A", "z": "a"}}),
    ("max_attribute_strings", "{{ (users|max(attribute='name')).name }}", USERS),
    ("unique_keeps_first_spelling", "{{ ['B', 'b', 'a', 'A']|unique|list }}"),
    ("join_undefined_item", "{{ [1, nope, 2]|join(',') }}"),
    ("sum_floats_attribute", "{{ items|sum(attribute='price') }}", LP),
    ("loop_outside_loop_errors", "{{ loop.index }}"),
    ("loop_cycle_nested", "{% for a in [1, 2] %}{% for b in [1, 2] %}{{ loop.cycle('x', 'y') }}{% endfor %}{% endfor %}"),
    ("loop_last_with_filter", "{% for x in [1, 2, 3, 4] if x < 3 %}{{ x }}{{ '.' if loop.last else ',' }}{% endfor %}"),
    ("loop_changed_multiple_args", "{% for u in users %}{% if loop.changed(u.age, u.active) %}{{ u.name }} {% endif %}{% endfor %}", USERS),
    ("caller_in_loop", "{% macro rows(l) %}{% for x in l %}<{{ caller(x, loop.index) }}>{% endfor %}{% endmacro %}{% call(v, i) rows(['a', 'b']) %}{{ i }}={{ v }}{% endcall %}"),
    ("macro_caller_default_arg", "{% macro m() %}{{ caller() }}{{ caller() }}{% endmacro %}{% call m() %}x{% endcall %}"),
    ("set_block_whitespace", "{% set s -%}\n  text\n{%- endset %}[{{ s }}]"),
    ("conditional_undefined_else_print", "[{{ 'a' if nope }}]"),
    ("nested_ternary_in_filter_arg", "{{ 'x'|center(5 if true else 1) }}"),
    ("in_nested_list", "{{ [1] in [[1], [2]] }}"),
    ("not_in_dict_from_context", "{{ 'zip' not in userAttribute }}", LP),
    ("crlf_whitespace_control", "a\r\n  {%- if true %}b{% endif -%}\r\n  c"),
    ("raw_with_crlf", "{% raw %}a\r\nb{% endraw %}"),
    ("comment_at_end_newline", "x{# c #}\n"),
    ("text_with_lone_percent_and_hash", "100% {#x#}# sure {}"),
])

# ---------------------------------------------------------------------------------------------
# Deeper corners: number syntax, %-formatting and str.format, comparisons, more filter arguments.
CASES += _section("deep", [
    ("int_hex_literal", "{{ 0x1F }}"),
    ("int_octal_literal", "{{ 0o17 }}"),
    ("int_binary_literal", "{{ 0b101 }}"),
    ("int_leading_zero_errors", "{{ 012 }}"),
    ("int_zero_underscore", "{{ 0_0 }}"),
    ("float_no_fraction_errors", "{{ 1. }}"),
    ("float_leading_dot_errors", "{{ .5 }}"),
    ("float_exp_plus", "{{ 1e+2 }}"),
    ("string_escape_octal", r"{{ '\101\60' }}"),
    ("string_escape_nul_length", r"{{ '\0'|length }}"),
    ("string_escape_line_continuation", "{{ 'a\\\nb' }}"),
    ("string_escape_bad_unicode_errors", r"{{ '\u12' }}"),
    ("pct_width_float", "[{{ '%5.1f'|format(3.14159) }}]"),
    ("pct_left_align", "[{{ '%-5s'|format('ab') }}]"),
    ("pct_plus_sign", "{{ '%+d'|format(5) }}"),
    ("pct_exponent", "{{ '%e'|format(12345.678) }}"),
    ("pct_general", "{{ '%g %g'|format(0.00001234, 123456789) }}"),
    ("pct_repr", "{{ '%r'|format('x') }}"),
    ("pct_int_of_float", "{{ '%d'|format(3.99) }}"),
    ("pct_upper_hex_octal", "{{ '%X %o %i'|format(255, 8, 7) }}"),
    ("pct_too_few_args_errors", "{{ '%s %s'|format('a') }}"),
    ("pct_d_of_string_errors", "{{ '%d'|format('a') }}"),
    ("strformat_align", "[{{ '{:>6}|{:<4}|{:^5}'.format('a', 'b', 'c') }}]"),
    ("strformat_precision", "{{ '{:.2f}'.format(2.675) }}"),
    ("strformat_thousands", "{{ '{:,}'.format(1234567) }}"),
    ("strformat_zero_pad", "{{ '{:05d}'.format(42) }}"),
    ("strformat_percent", "{{ '{:.1%}'.format(0.256) }}"),
    ("strformat_repr_conversion", "{{ '{!r}'.format('x') }}"),
    ("strformat_float_default", "{{ '{}'.format(1.0) }}"),
    ("strformat_braces_escape", "{{ '{{}} {}'.format(1) }}"),
    ("str_find_start", "{{ 'banana'.find('a', 2) }}"),
    ("str_count_overlap", "{{ 'aaaa'.count('aa') }}"),
    ("str_startswith_tuple", "{{ 'hello'.startswith(('x', 'he')) }}"),
    ("str_split_none_max", "{{ 'a b  c'.split(none, 1) }}"),
    ("str_upper_sharp_s", "{{ 'ß'.upper() }}"),
    ("str_capitalize_unicode", "{{ 'éa'.capitalize() }}"),
    ("str_strip_unicode_space", "[{{ '\u00a0x\u2003'.strip() }}]"),
    ("str_join_non_strings_errors", "{{ ','.join([1, 2]) }}"),
    ("tuple_vs_list_eq", "{{ (1, 2) == [1, 2] }}"),
    ("dict_eq", "{{ {'a': 1} == {'a': 1} }}"),
    ("none_eq_none", "{{ none == none }}"),
    ("none_lt_errors", "{{ none < 1 }}"),
    ("int_in_string_errors", "{{ 1 in 'abc' }}"),
    ("in_none_errors", "{{ 'a' in none }}"),
    ("unary_minus_string_errors", "{{ -'a' }}"),
    ("floordiv_negative_divisor", "{{ 5 // -2 }} {{ 5 % -2 }}"),
    ("floordiv_negative_float", "{{ -5 // 2.0 }}"),
    ("float_overflow_add", "{{ 1e308 + 1e308 }}"),
    ("div_then_mul", "{{ 10 / 4 * 2 }}"),
    ("pow_negative", "{{ 2 ** -2 }}"),
    ("pow_zero_negative_errors", "{{ 0 ** -1 }}"),
    ("slice_past_end_string", "[{{ 'abc'[10:] }}]"),
    ("slice_step_zero_errors", "{{ 'abc'[::0] }}"),
    ("index_with_float", "[{{ [1, 2, 3][1.5] }}]"),
    ("dict_int_key_vs_string", "[{{ d[1] }}]", {"d": {"1": "one"}}),
    ("index_with_none", "[{{ d[none] }}]", {"d": {"a": 1}}),
    ("nested_unpack_loop", "{% for a, (b, c) in [[1, [2, 3]]] %}{{ a }}{{ b }}{{ c }}{% endfor %}"),
    ("loop_cycle_no_args_errors", "{% for x in [1] %}{{ loop.cycle() }}{% endfor %}"),
    ("loop_string_length", "{% for c in 'héllo' %}{{ loop.length }}{% endfor %}"),
    ("loop_revindex_with_filter", "{% for x in range(6) if x is even %}{{ loop.revindex }}{% endfor %}"),
    ("set_tuple_parens", "{% set (a, b) = [1, 2] %}{{ a + b }}"),
    ("set_chained_errors", "{% set a = b = 1 %}"),
    ("batch_zero", "{{ [1, 2, 3]|batch(0)|list }}"),
    ("slice_zero_errors", "{{ [1, 2, 3]|slice(0)|list }}"),
    ("default_after_undefined_attr_errors", "{{ nope.y|default('d') }}"),
    ("abs_negative_zero", "{{ -0.0|abs }}"),
    ("abs_bool", "{{ true|abs }}"),
    ("round_int_floor_precision", "{{ 5|round(2, 'floor') }}"),
    ("round_big_float", "{{ 1e20|round }}"),
    ("int_hex_without_base", "{{ '0x1A'|int }}"),
    ("int_comma_string", "{{ '1,000'|int }}"),
    ("int_trailing_garbage", "{{ '12abc'|int }}"),
    ("float_underscore_string", "{{ '1_000.5'|float }}"),
    ("float_neg_inf_string", "{{ '-inf'|float }}"),
    ("float_hex_string", "{{ '0x10'|float }}"),
    ("sort_mixed_bool_numbers", "{{ [2, true, 0.5, false]|sort }}"),
    ("sort_lists", "{{ [[2, 1], [1, 2], [1]]|sort }}"),
    ("sort_unicode_case_insensitive", "{{ ['é', 'E', 'e', 'F']|sort }}"),
    ("dictsort_int_keys", "{{ {2: 'b', 1: 'a'}|dictsort }}"),
    ("striptags_nbsp_entity", "{{ 'a&nbsp;b &#39;c&#39; &unknown;'|striptags }}"),
    ("striptags_unclosed_tag", "{{ 'a <b c'|striptags }}"),
    ("tojson_line_separator", "{{ '\u2028/'|tojson }}"),
    ("tojson_special_floats", "{{ [1e-7, -0.0, 1e22]|tojson }}"),
    ("tojson_unicode_key_sorted", "{{ {'é': 1, 'z': 2, 'A': 3}|tojson }}"),
    ("tojson_indent_list", "{{ [1, [2]]|tojson(indent=1) }}"),
    ("urlencode_list_of_strings_errors", "{{ ['a', 'b']|urlencode }}"),
    ("urlencode_unicode_dict", "{{ {'ключ': 'значение'}|urlencode }}"),
    ("urlencode_none_value", "{{ {'a': none}|urlencode }}"),
    ("escape_unicode", "{{ 'é<ü>'|e }}"),
    ("truncate_unicode", "{{ 'ééééé ééééé'|truncate(7, leeway=0) }}"),
    ("center_unicode", "[{{ 'é'|center(4) }}]"),
    ("wordcount_unicode", "{{ 'héllo wörld 北京'|wordcount }}"),
    ("title_unicode", "{{ 'élan vital ñandú'|title }}"),
    ("capitalize_filter_unicode", "{{ 'ÉCOLE normale'|capitalize }}"),
    ("join_nested_dict", "{{ [{'a': 1}, [2]]|join(';') }}"),
    ("whitespace_strip_empty_print", "a\n{{- '' -}}\nb"),
    ("whitespace_lstrip_at_start", "  \n{%- if true %}x{% endif %}"),
    ("whitespace_rstrip_before_crlf", "{% if true -%}\r\n  x{% endif %}"),
    ("error_if_without_condition", "{% if %}x{% endif %}"),
    ("error_concat_missing_operand", "{{ 'a' ~ }}"),
    ("error_dict_missing_colon", "{{ {'a' 1} }}"),
    ("error_for_missing_iterable", "{% for x in %}{% endfor %}"),
    ("error_macro_without_name", "{% macro %}{% endmacro %}"),
    ("error_call_without_macro", "{% call %}{% endcall %}"),
    ("error_inline_if_without_condition", "{{ 1 if }}"),
    ("error_unclosed_subscript", "{{ [1, 2][ }}"),
    ("error_unclosed_set_block", "{% set x %}abc"),
    ("error_filter_block_without_filter", "{% filter %}x{% endfilter %}"),
    ("error_unclosed_filter_call", "{{ x|default( }}"),
    ("error_nested_unclosed", "{% for x in [1] %}{% if x %}{% endfor %}"),
])

# ---------------------------------------------------------------------------------------------
# Scoping of macros, loops, caller and set.
CASES += _section("scoping", [
    ("macro_sees_later_global", "{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}"),
    ("macro_set_does_not_leak", "{% macro m() %}{% set y = 5 %}{{ y }}{% endmacro %}{{ m() }}[{{ y }}]"),
    ("loop_var_shadows_context", "{% for userId in ['a', 'b'] %}{{ userId }}{% endfor %}{{ userId }}", LP),
    ("caller_undefined_without_call", "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}"),
    ("varargs_empty", "{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m() }}"),
    ("namespace_in_macro", "{% macro m(l) %}{% set ns = namespace(t=0) %}{% for x in l %}{% set ns.t = ns.t + x %}{% endfor %}{{ ns.t }}{% endmacro %}{{ m([1, 2, 3]) }}"),
    ("set_in_loop_else", "{% for x in [] %}{% else %}{% set z = 1 %}{{ z }}{% endfor %}[{{ z }}]"),
    ("with_shadows_context", "{% with userId = 'w' %}{{ userId }}{% endwith %}{{ userId }}", LP),
    ("set_then_loop_reads", "{% set sep = ', ' %}{% for t in userAttribute.tags %}{{ t }}{% if not loop.last %}{{ sep }}{% endif %}{% endfor %}", LP),
    ("macro_arg_shadows_global", "{% set a = 'g' %}{% macro m(a) %}{{ a }}{% endmacro %}{{ m('l') }}{{ a }}"),
    ("nested_macro_call_block", "{% macro outer() %}[{{ caller() }}]{% endmacro %}{% macro inner() %}({{ caller() }}){% endmacro %}{% call outer() %}{% call inner() %}x{% endcall %}{% endcall %}"),
    ("filter_block_with_loop", "{% filter upper %}{% for t in userAttribute.tags %}{{ t }} {% endfor %}{% endfilter %}", LP),
    ("loop_inside_macro_loop_var", "{% macro m() %}{% for x in [1, 2] %}{{ loop.index }}{% endfor %}{% endmacro %}{% for y in 'ab' %}{{ m() }}{{ loop.index }}|{% endfor %}"),
])

# ---------------------------------------------------------------------------------------------
# Reads the evaluator does in place (attributes of locals without a copy, loop attributes by a
# slot named at parse time, constant keys remembering their entry): the cases that take those paths.
CASES += _section("reads_in_place", [
    ("local_dict_attributes", "{% set d = {'index': 5, 'name': 'x'} %}{{ d.index }}{{ d.name }}[{{ d.missing }}]{{ d.missing is defined }}"),
    ("local_shadows_context", "{% set parameter = {'item': 'local'} %}{{ parameter.item }}", LP),
    ("context_variable_named_loop", "{{ loop.index }}", {"loop": {"index": "ctx"}}),
    ("loop_object_kept_in_local", "{% for x in items %}{% set l = loop %}{{ l.index }}{{ l.last }}{{ l.length }},{% endfor %}", LP),
    ("loop_item_attributes", "{% for x in items %}{{ x.name }}:{{ x.price }}{{ x.nope }};{% endfor %}", LP),
    ("every_loop_attribute", "{% for x in items %}{{ loop.cycle('a', 'b') }}{{ loop.changed(x.name) }}{{ loop.first }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.index0 }}{{ loop.depth }}{{ loop.depth0 }}{{ loop.nextitem.name if not loop.last }};{% endfor %}", LP),
    ("macro_argument_attributes", "{% macro m(p) %}{{ p.item }}{{ p.keys() | list | length }}{% endmacro %}{{ m(parameter) }}", LP),
    ("nested_loop_indexes", "{% for x in items %}{% for y in userAttribute.tags %}{{ loop.index }}{{ y.upper() }}{% endfor %}|{{ loop.index }}{% endfor %}", LP),
])

# ---------------------------------------------------------------------------------------------
# Manual-send values: `value['points']` is plain Jinja; the legacy `{{Value "points"}}` token is
# not valid Jinja (a syntax error there) and is listed in divergences.json (docs/compatibility.md).
MANUAL = {"value": {"points": 120, "reason": "birthday", "rate": 1.5}}
CASES += _section("manual_send", [
    ("value_subscript", "{{ value['points'] }}", MANUAL),
    ("value_attribute", "{{ value.reason }}", MANUAL),
    ("insert_value_token", "{{Value \"points\"}}", MANUAL),
    ("insert_value_single_quotes", "{{ Value 'reason' }}", MANUAL),
    ("insert_value_in_expression", "{{ Value \"rate\" * 2 }}", MANUAL),
    ("insert_value_name_alone_is_jinja", "{{ Value }}", {"Value": "plain"}),
    ("insert_value_non_string_errors", "{{ Value 5 }}", MANUAL),
    ("insert_value_name_then_filter_is_jinja", "{{ Value|default('none') }}", MANUAL),
])
