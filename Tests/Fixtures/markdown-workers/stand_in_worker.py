"""A stand-in for `signpost markdown-worker` in MarkdownWorkersTests: it speaks the same
pipe protocol (four bytes of length, big-endian, then the message) and answers each text
with it in a paragraph, except that a text containing SLOW is never answered and one
containing CRASH ends the process, as a parse that runs away or crashes would."""
import json
import sys
import time

def read(count):
    data = b""
    while len(data) < count:
        chunk = sys.stdin.buffer.read(count - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data

while True:
    text = read(int.from_bytes(read(4), "big")).decode()
    if "SLOW" in text:
        time.sleep(600)
    if "CRASH" in text:
        sys.exit(3)
    answer = json.dumps({"html": "<p>" + text + "</p>", "headings": [], "links": [], "removedLinks": [],
                         "imagesWithoutAlt": [], "outsideImages": [], "skippedHeadings": []}).encode()
    sys.stdout.buffer.write(len(answer).to_bytes(4, "big") + answer)
    sys.stdout.buffer.flush()
