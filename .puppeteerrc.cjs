// Puppeteer is here only as @puppeteer/replay's peer, to replay exported Chrome Recorder
// recordings in tests against Debian's Chromium: it must not download a browser of its own.
module.exports = { skipDownload: true };
