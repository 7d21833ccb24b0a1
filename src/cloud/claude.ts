/** Claude through the Messages API, called from the browser (direct browser access). */
import { endpoint, postJson } from './http';
import { RESPONSE_SCHEMA } from './schema';
import { CloudError, type CloudClient } from './types';

export const claudeClient: CloudClient = {
  provider: 'claude',
  async complete(request, settings, signal) {
    const content: unknown[] = [];
    for (const image of request.images) {
      content.push(
        { type: 'text', text: image.label },
        { type: 'image', source: { type: 'base64', media_type: image.mimeType, data: image.data } },
      );
    }
    content.push({
      type: 'text',
      text: `${request.prompt}\n\nAnswer with JSON only, matching this schema:\n${JSON.stringify(RESPONSE_SCHEMA)}`,
    });
    const reply = await postJson(
      'Claude',
      endpoint(settings.baseUrl, 'https://api.anthropic.com', '/v1/messages'),
      {
        'x-api-key': settings.apiKey,
        'anthropic-version': '2023-06-01',
        'anthropic-dangerous-direct-browser-access': 'true',
      },
      {
        model: settings.model,
        max_tokens: 8192,
        temperature: 0,
        system: request.system,
        messages: [{ role: 'user', content }],
      },
      signal,
    );
    const blocks = (reply as { content?: { type: string; text?: string }[] }).content;
    const text = blocks?.find((block) => block.type === 'text')?.text;
    if (typeof text !== 'string') throw new CloudError('Claude sent no text in its reply');
    return text;
  },
};
