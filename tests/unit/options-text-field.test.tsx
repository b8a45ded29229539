// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TextField } from '@/components/options/fields';
import { LIMITS } from '@/utils/settings';
import { installLocale } from './dashboard-locale';

beforeAll(async () => {
  fakeBrowser.reset();
  await installLocale('en');
});
afterEach(() => cleanup());

/** The elements an input's aria-describedby points to, in order: what a screen reader reads after its name. */
function descriptions(input: HTMLElement): { text: string | null | undefined; class: string | undefined }[] {
  return (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => {
    const element = document.getElementById(id);
    return { text: element?.textContent, class: element?.className };
  });
}

const noop = () => {};

describe('TextField', () => {
  it('is a text box named by its label, showing its value, valid and described by nothing', () => {
    render(<TextField label="Client name" value="Acme" onInput={noop} />);
    const box = screen.getByRole('textbox', { name: 'Client name' }) as HTMLInputElement;
    expect(box.value).toBe('Acme');
    expect(box.type).toBe('text');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(box.labels?.[0]?.textContent).toBe('Client name');
    expect(box.parentElement?.className).toBe('cf-field');
  });

  it('calls onInput with the typed text on every input', () => {
    const onInput = vi.fn();
    render(<TextField label="Host" value="" onInput={onInput} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Host' }), { target: { value: 'example.org' } });
    expect(onInput.mock.calls).toEqual([['example.org']]);
  });

  it('an error makes the field invalid and is read as its description, with a marker that is not read', () => {
    render(<TextField label="Name" value="" error="Enter a name for the client." onInput={noop} />);
    const box = screen.getByRole('textbox', { name: 'Name' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(box)).toEqual([{ text: '⚠ Enter a name for the client.', class: 'cf-field-error' }]);
    expect(document.querySelector('.cf-field-error [aria-hidden="true"]')?.textContent).toBe('⚠ ');
  });

  it('words a validation code with the page’s error texts', () => {
    const { rerender } = render(<TextField label="Name" value="" errorCode="name-empty" onInput={noop} />);
    const box = screen.getByRole('textbox', { name: 'Name' });
    expect(descriptions(box).map((item) => item.text)).toEqual(['⚠ Enter a name.']);
    rerender(<TextField label="Name" value="x" errorCode="name-too-long" onInput={noop} />);
    expect(descriptions(box).map((item) => item.text)).toEqual([`⚠ A name can have at most ${LIMITS.nameMaxLength} characters.`]);
    // A worded error wins over a code.
    rerender(<TextField label="Name" value="x" error="Taken." errorCode="name-empty" onInput={noop} />);
    expect(descriptions(box).map((item) => item.text)).toEqual(['⚠ Taken.']);
    rerender(<TextField label="Name" value="x" error={null} errorCode={null} onInput={noop} />);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(document.querySelector('.cf-field-error')).toBeNull();
  });

  it('links a hint, and reads it before the error', () => {
    const { rerender } = render(<TextField label="Host" value="" hint="Such as example.org." onInput={noop} />);
    const box = screen.getByRole('textbox', { name: 'Host' });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(descriptions(box)).toEqual([{ text: 'Such as example.org.', class: 'cf-hint' }]);
    rerender(<TextField label="Host" value="x" hint="Such as example.org." error="That is no host name." onInput={noop} />);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(box)).toEqual([
      { text: 'Such as example.org.', class: 'cf-hint' },
      { text: '⚠ That is no host name.', class: 'cf-field-error' },
    ]);
  });

  it('gives two fields on one page their own ids', () => {
    render(<>
      <TextField label="From" value="" error="Bad from." onInput={noop} />
      <TextField label="To" value="" error="Bad to." onInput={noop} />
    </>);
    expect(descriptions(screen.getByRole('textbox', { name: 'From' })).map((item) => item.text)).toEqual(['⚠ Bad from.']);
    expect(descriptions(screen.getByRole('textbox', { name: 'To' })).map((item) => item.text)).toEqual(['⚠ Bad to.']);
  });

  it('passes input attributes and change events through, and adds wrapper classes', () => {
    const onChange = vi.fn();
    render(
      <TextField
        class="cf-indent" label="Minutes" type="number" inputMode="numeric" min={1} max={600} step={1}
        required autocomplete="off" size={6} maxLength={9} disabled={false}
        value="30" onInput={noop} onChange={(event) => onChange(event.currentTarget.value)}
      />,
    );
    const box = screen.getByRole('spinbutton', { name: 'Minutes' }) as HTMLInputElement;
    expect([box.type, box.inputMode, box.min, box.max, box.step, box.required, box.autocomplete, box.size, box.maxLength, box.disabled])
      .toEqual(['number', 'numeric', '1', '600', '1', true, 'off', 6, 9, false]);
    expect(box.parentElement?.className).toBe('cf-field cf-indent');
    fireEvent.change(box, { target: { value: '45' } });
    expect(onChange.mock.calls).toEqual([['45']]);
  });

  it('offers suggestions through a datalist the input points to', () => {
    render(<TextField label="Account" value="" suggestions={['in/jane', 'in/joe']} onInput={noop} />);
    const box = screen.getByRole('combobox', { name: 'Account' });
    const list = document.getElementById(box.getAttribute('list')!);
    expect(list?.tagName).toBe('DATALIST');
    expect([...list!.querySelectorAll('option')].map((option) => option.value)).toEqual(['in/jane', 'in/joe']);
  });

  it('works as a controlled field: what is typed shows, and the error follows it', () => {
    function Harness() {
      const [text, setText] = useState('');
      return <TextField label="Word" value={text} error={text === 'no' ? 'Not that word.' : null} onInput={setText} />;
    }
    render(<Harness />);
    const box = screen.getByRole('textbox', { name: 'Word' }) as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'no' } });
    expect(box.value).toBe('no');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(box).map((item) => item.text)).toEqual(['⚠ Not that word.']);
    fireEvent.input(box, { target: { value: 'yes' } });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Not that word.')).toBeNull();
  });
});
