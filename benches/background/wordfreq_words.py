"""Writes the 40,000 most frequent English words with their frequencies, from wordfreq.

    pip install wordfreq==3.1.1
    python3 benches/background/wordfreq_words.py > /tmp/wordfreq-en.tsv
    cargo bench --bench background -- /tmp/wordfreq-en.tsv   # writes src/align/background.tsv

wordfreq's data is CC BY-SA 4.0 (Robyn Speer et al.); so is the table made from it.
"""
import wordfreq

for word in wordfreq.top_n_list("en", 40000):
    print(f"{word}\t{wordfreq.word_frequency(word, 'en'):.3e}")
