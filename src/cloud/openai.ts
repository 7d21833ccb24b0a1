/** Any OpenAI-compatible chat completions endpoint with images: vLLM (e.g. Qwen3-VL), Ollama, OpenAI. */
import { endpoint, postJson } from './http';
import { RESPONSE_SCHEMA } from './schema';
import { CloudError, type CloudClient } from './types';

export const openAiClient: CloudClient = {
  provider: 'openai',
  async complete(request, settings, signal) {
    if (!settings.baseUrl) throw new CloudError('Set the endpoint’s base URL (for example http://localhost:8000/v1)');
    const content: unknown[] = [{ type: 'text', text: request.prompt }];
    for (const image of request.images) {
      content.push(
        { type: 'text', text: image.label },
        { type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${image.data}` } },
      );
    }
    const reply = await postJson(
      'The endpoint',
      endpoint(settings.baseUrl, '', '/chat/completions'),
      settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
      {
        model: settings.model,
        temperature: 0,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'steps', schema: RESPONSE_SCHEMA } },
      },
      signal,
    );
    const text = (reply as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof text !== 'string') throw new CloudError('The endpoint sent no message content');
    return text;
  },
};
