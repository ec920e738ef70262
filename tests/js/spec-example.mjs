// The spec's example webhook (webhook.md §2–3), shared by the JS suites.
export const SPEC_CONFIG = {
  method: 'POST',
  url: 'https://user:secret@api.example.com/users/{{ userId }}?src={{ parameter.source | urlencode }}',
  contentType: 'application/json',
  data: [
    { key: 'first_name', value: "{{ userAttribute['First name'] }}" },
    { key: 'total', value: '{{ parameter.price * parameter.qty }}', type: 'number' },
  ],
  headers: [{ name: 'X-Campaign', value: '{{ messageId }}' }],
  missing: 'suppress',
};

export const SPEC_REQUEST = {
  method: 'POST',
  url: 'https://api.example.com/users/42?src=spring%20sale',
  headers: [['Content-Type', 'application/json'], ['Authorization', 'Basic dXNlcjpzZWNyZXQ='],
            ['X-Campaign', '5724036847910912']],
  body: '{"first_name":"Mary","total":39.98}',
};
