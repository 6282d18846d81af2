import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

// Trimmed from what Word for Windows puts on the clipboard.
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='margin:0cm'><span lang=EN-GB>Bali conference</span><o:p></o:p></h1>
<p class=MsoNormal><b><span style='font-family:"Arial",sans-serif;color:red'>Ministers</span></b> met in <i>Bali</i>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Indonesia<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Australia<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><!--[endif]-->First step<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><!--[endif]-->Second step<o:p></o:p></p>
<h4>Small heading</h4>
<p class=MsoNormal><a href="https://example.org/report" class=x target=_blank onclick="alert(1)">report</a></p>
<!--EndFragment--></body></html>`;

describe('cleanPastedHtml', () => {
  const out = cleanPastedHtml(wordHtml);

  it('turns Word list paragraphs into real lists, bulleted or numbered', () => {
    expect(out).toContain('<ul><li><p>Indonesia</p></li><li><p>Australia</p></li></ul>');
    expect(out).toContain('<ol><li><p>First step</p></li><li><p>Second step</p></li></ol>');
    expect(out).not.toContain('·');
  });

  it('keeps headings within the two levels, bold and italic, and links', () => {
    expect(out).toMatch(/<h2><span>Bali conference<\/span><\/h2>/);
    expect(out).toContain('<h3>Small heading</h3>');
    expect(out).toContain('<b><span>Ministers</span></b> met in <i>Bali</i>.');
    expect(out).toContain('<a href="https://example.org/report">report</a>');
  });

  it('drops styles, classes, Office tags, comments and head content', () => {
    for (const gone of [
      'class=',
      'style=',
      'lang=',
      'onclick',
      'target',
      '<o:p>',
      '<!--',
      'mso-',
      'MsoNormal',
      '<meta',
      '<style',
      'OfficeDocumentSettings',
    ]) {
      expect(out, gone).not.toContain(gone);
    }
  });

  it('keeps bold and italic given as styles (Google Docs), nothing else', () => {
    expect(
      cleanPastedHtml(
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><span style="font-size:11pt;font-weight:700;color:#000">Bold</span><span style="font-style:italic">It</span></b>',
      ),
    ).toBe(
      '<b style="font-weight:normal"><span style="font-weight:700">Bold</span><span style="font-style:italic">It</span></b>',
    );
  });

  it('leaves ordinary HTML alone', () => {
    const html = '<p>Plain <strong>text</strong></p><ul><li>One</li></ul><ol start="3"><li>Three</li></ol>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
