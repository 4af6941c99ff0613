/** The mix's sample rate: 48 kHz, as the AAC track. */
export const SAMPLE_RATE = 48000;
