// What may go inside an OSC 8 hyperlink: only an AWS console URL in plain URL characters.
import {describe, expect, it} from 'vitest';
import {isLinkableUrl, linkLabel, osc8} from '../../src/text/hyperlink.js';

const sgPage = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0';

describe('isLinkableUrl', () => {
  it.each([
    [sgPage],
    ['https://console.aws.amazon.com/iam/home#/roles'],
    ['https://s3.console.aws.amazon.com/s3/buckets'],
    ['https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:'],
  ])('a console page: %s', (url) => {
    expect(isLinkableUrl(url)).toBe(true);
  });
  it.each([
    ['BEL, which ends the sequence', `${sgPage}\u0007\u001B]52;c;ZXZpbA==\u0007`],
    ['ESC', `${sgPage}\u001B\\`],
    ['C1 ST', `${sgPage}\u009C`],
    ['a space', `${sgPage} x`],
    ['a placeholder', 'https://<region>.console.aws.amazon.com/ec2/home'],
    ['an unbound template', 'https://{{region}}.console.aws.amazon.com/ec2/home'],
    ['another host', 'https://evil.example/console.aws.amazon.com/'],
    ['a look-alike host', 'https://console.aws.amazon.com.evil.example/'],
    ['http', 'http://console.aws.amazon.com/ec2/home'],
    ['a line break', `${sgPage}\nhttps://evil.example`],
    ['a bidi override', `${sgPage}\u202E`],
    ['too long', `https://console.aws.amazon.com/${'a'.repeat(2000)}`],
  ])('not with %s', (_name, url) => {
    expect(isLinkableUrl(url)).toBe(false);
  });
});

describe('osc8 and linkLabel', () => {
  it('wraps the text in an OSC 8 link to the URL', () => {
    expect(osc8(sgPage, 'x')).toBe(`\u001B]8;;${sgPage}\u0007x\u001B]8;;\u0007`);
  });
  it.each([
    [sgPage, 'ec2 › SecurityGroup sg-0123456789abcdef0 · us-east-1'],
    ['https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1#RouteTableDetails:RouteTableId=rtb-0abcdef0123456789', 'vpcconsole › RouteTableDetails rtb-0abcdef0123456789 · us-east-1'],
    ['https://us-west-2.console.aws.amazon.com/cloudtrailv2/home?region=us-west-2#/trails', 'cloudtrailv2 › trails · us-west-2'],
    ['https://console.aws.amazon.com/iam/home#/roles', 'iam › roles'],
    ['https://s3.console.aws.amazon.com/s3/buckets', 's3'],
  ])('names %s in a few words', (url, label) => {
    expect(linkLabel(url)).toBe(label);
  });
  it('never decodes what the URL escapes (a %1B stays three characters)', () => {
    expect(linkLabel('https://console.aws.amazon.com/ec2/home#X:id=%1B]0;pwned')).toBe('ec2 › X %1B]0;pwned');
  });
});
