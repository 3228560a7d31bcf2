/** A hostile document: every field carries markup that must show as text and never run. */
export const hostileArticle = {
  title: 'Hostile <script>alert("title")</script><img src=x onerror=alert(2)> report',
  publisher: '<b onmouseover=alert(3)>Evil Press</b>',
  author: '"><svg onload=alert(4)>',
  url: 'javascript:alert(5)',
  publishedAt: '2021-07-01',
  text: [
    'The payload test begins with <script>alert(6)</script> in plain sight.',
    '"Nothing here <img src=x onerror=alert(7)> should run," said Mallory Payload, the tester.',
    'A closing line mentions the javascript:alert(8) trick and </p><h1>headline injection</h1>.',
  ].join('\n\n'),
};
