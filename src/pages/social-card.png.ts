/** The story's social card in English (src/figure/social-card.ts). */
import type { APIRoute } from 'astro';
import { loadStory } from '../content/story-data';
import { socialCardPng } from '../figure/social-card';

export const GET: APIRoute = async () => new Response(socialCardPng(await loadStory('en')), { headers: { 'Content-Type': 'image/png' } });
