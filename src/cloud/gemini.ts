/** Gemini through the official SDK (@google/genai), one structured request per recording. */
import { RESPONSE_SCHEMA } from './schema';
import { CloudError, type CloudClient } from './types';

export const geminiClient: CloudClient = {
  provider: 'gemini',
  async complete(request, settings, signal) {
    // Loaded only when a person has chosen Gemini.
    const { ApiError, GoogleGenAI } = await import('@google/genai');
    const ai = new GoogleGenAI({
      apiKey: settings.apiKey,
      // Retries are ours (withRetries), so they behave the same for every provider.
      httpOptions: { ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}), retryOptions: { attempts: 1 } },
    });
    const parts: ({ text: string } | { inlineData: { mimeType: string; data: string } })[] = [{ text: request.prompt }];
    for (const image of request.images) {
      parts.push({ text: image.label }, { inlineData: { mimeType: image.mimeType, data: image.data } });
    }
    try {
      const response = await ai.models.generateContent({
        model: settings.model,
        contents: [{ role: 'user', parts }],
        config: {
          systemInstruction: request.system,
          temperature: 0,
          responseMimeType: 'application/json',
          responseJsonSchema: RESPONSE_SCHEMA,
          abortSignal: signal,
        },
      });
      return response.text ?? '';
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof ApiError) {
        throw new CloudError(`Gemini answered ${error.status}: ${firstLine(error.message)}`, error.status);
      }
      throw new CloudError(`Gemini could not be reached (${error instanceof Error ? error.message : String(error)})`);
    }
  },
};

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
