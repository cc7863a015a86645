// Lintas browser guest: joins a Lintas call from Chrome or Edge, written from docs/protocol.md.
// Plain JavaScript, no build step. The page is served by the hub at /guest/ and opened from an
// invitation link https://HOST:PORT/guest/#t=TOKEN (the fragment never reaches the server).
"use strict";

(() => {
  // ------------------------------------------------------------------ texts (id default, en)
  const TEXTS = {
    id: {
      title: "Lintas: tamu lewat peramban",
      badge: "Tamu (peramban), tidak terverifikasi",
      who: "Anda bergabung sebagai {office}.",
      intro: "Anda akan bergabung dengan kamera dan mikrofon. Peramban akan meminta izin untuk keduanya.",
      join: "Gabung",
      joining: "Menghubungkan…",
      chat: "Obrolan",
      send: "Kirim",
      mute: "Matikan mikrofon",
      unmute: "Nyalakan mikrofon",
      cameraOff: "Matikan kamera",
      cameraOn: "Nyalakan kamera",
      leave: "Keluar",
      left: "Anda telah keluar dari panggilan. Tutup halaman ini, atau muat ulang untuk bergabung lagi.",
      you: "{office} (Anda)",
      waiting: "Menunggu video…",
      alone: "Belum ada kantor lain di panggilan. Tunggu sebentar.",
      presentation: "Presentasi dari {office}",
      noLink: "Tautan ini tidak lengkap. Buka tautan dari undangan persis seperti yang dikirim.",
      noWebrtc: "Peramban ini tidak dapat melakukan panggilan video. Gunakan Chrome atau Edge versi terbaru.",
      camDenied: "Kamera dan mikrofon diblokir. Izinkan keduanya lewat ikon di bilah alamat, lalu muat ulang halaman.",
      camMissing: "Tidak ada kamera atau mikrofon yang ditemukan. Anda tetap bisa melihat, mendengar, dan mengobrol.",
      noCamera: "Tidak ada kamera yang ditemukan; Anda bergabung hanya dengan suara.",
      noMic: "Tidak ada mikrofon yang ditemukan; Anda bergabung hanya dengan video.",
      camBusy: "Kamera atau mikrofon sedang dipakai aplikasi lain. Tutup aplikasi itu, lalu muat ulang halaman.",
      camOther: "Kamera dan mikrofon tidak dapat dibuka. Anda tetap bisa melihat, mendengar, dan mengobrol.",
      hubLost: "Sambungan ke server terputus; mencoba lagi…",
      hubBack: "Tersambung kembali.",
      unreachable: "Server panggilan tidak dapat dihubungi. Periksa jaringan, lalu muat ulang halaman.",
      expired: "Undangan ini sudah kedaluwarsa. Minta tautan baru kepada kantor yang mengundang.",
      invalid: "Tautan undangan ini tidak berlaku. Minta tautan baru kepada kantor yang mengundang.",
      revoked: "Kantor yang mengundang telah menarik undangan ini.",
      inUse: "Undangan ini sedang dipakai di perangkat lain. Keluar di perangkat itu, atau minta tautan baru.",
      full: "Panggilan sudah penuh (empat kantor). Hubungi kantor yang mengundang.",
      busy: "Server panggilan sedang sibuk. Coba lagi sebentar lagi.",
      failed: "Tidak dapat bergabung. Muat ulang halaman untuk mencoba lagi.",
      peerLeft: "{office} keluar dari panggilan.",
      peerJoined: "{office} bergabung.",
    },
    en: {
      title: "Lintas: browser guest",
      badge: "Guest (browser), not verified",
      who: "You join as {office}.",
      intro: "You will join with your camera and microphone. The browser will ask to allow both.",
      join: "Join",
      joining: "Connecting…",
      chat: "Chat",
      send: "Send",
      mute: "Mute microphone",
      unmute: "Unmute microphone",
      cameraOff: "Turn camera off",
      cameraOn: "Turn camera on",
      leave: "Leave",
      left: "You left the call. Close this page, or reload it to join again.",
      you: "{office} (you)",
      waiting: "Waiting for video…",
      alone: "No other office is in the call yet. Please wait.",
      presentation: "Presentation from {office}",
      noLink: "This link is incomplete. Open the link from the invitation exactly as it was sent.",
      noWebrtc: "This browser cannot make video calls. Use a current Chrome or Edge.",
      camDenied: "Camera and microphone are blocked. Allow both with the icon in the address bar, then reload the page.",
      camMissing: "No camera or microphone was found. You can still see, hear and chat.",
      noCamera: "No camera was found; you join with sound only.",
      noMic: "No microphone was found; you join with video only.",
      camBusy: "The camera or microphone is in use by another application. Close it, then reload the page.",
      camOther: "The camera and microphone could not be opened. You can still see, hear and chat.",
      hubLost: "The connection to the server dropped; trying again…",
      hubBack: "Connected again.",
      unreachable: "The call server cannot be reached. Check the network, then reload the page.",
      expired: "This invitation has expired. Ask the office that invited you for a new link.",
      invalid: "This invitation link is not valid. Ask the office that invited you for a new link.",
      revoked: "The office that invited you withdrew this invitation.",
      inUse: "This invitation is in use on another device. Leave there, or ask for a new link.",
      full: "The call is full (four offices). Contact the office that invited you.",
      busy: "The call server is busy. Try again in a moment.",
      failed: "Could not join. Reload the page to try again.",
      peerLeft: "{office} left the call.",
      peerJoined: "{office} joined.",
    },
  };
  const LANG = (navigator.language || "").toLowerCase().startsWith("en") ? "en" : "id";
  const T = (key, params = {}) =>
    TEXTS[LANG][key].replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
  const FINAL_CODES = {
    "token-expired": "expired", "token-invalid": "invalid", "token-wrong-room": "invalid",
    "token-revoked": "revoked", "invite-in-use": "inUse", "bad-signature": "failed",
    "bad-version": "failed", "room-full": "full", "peer-id-taken": "failed", "join-timeout": "failed",
  };

  // ------------------------------------------------------------------ protocol constants
  const V = 2;
  const CHUNK = 16384;
  const MAX_MESSAGE = 32 * 1024 * 1024;
  const MAX_PENDING = 2;
  const CHUNK_TIMEOUT_MS = 20000;
  const SEEN_IDS = 4096;
  const MAX_CHAT_CHARS = 4000;
  const MAX_PEERS = 8;
  const MAX_CHAT_LINES = 500;

  const $ = (id) => document.getElementById(id);
  const state = {
    phase: "start", office: "", room: "", peerId: randomId(), pressedAt: 0, joinedAt: 0, firstFrameAt: 0,
    peers: new Map(), chats: [], acks: [], apps: [], errors: [], notices: [], presenting: "", hubPresenter: "",
  };
  window.lintasGuest = state; // read by tests and the benchmark (no secrets in it)
  let token = "";
  let ws = null;
  let leaving = false;
  let keyPair = null;
  let publicKey = "";
  let iceServers = [];
  let localStream = null;
  let reconnectDelay = 0;

  // ------------------------------------------------------------------ small helpers
  function randomId() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return b64url(bytes);
  }
  function b64url(bytes) {
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function unb64url(text) {
    const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }
  function hexId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function nowIso() {
    return new Date().toISOString().replace("Z", "+00:00");
  }
  function notice(text, kind = "warn") {
    const p = document.createElement("p");
    p.textContent = text;
    if (kind === "info") p.className = "info";
    const box = $("notice");
    box.replaceChildren(p);
    state.notices.push(text);
    if (state.notices.length > 50) state.notices.shift(); // a long outage adds one per retry
    if (kind === "info") setTimeout(() => p.remove(), 6000);
  }
  function clearNotice() { $("notice").replaceChildren(); }

  // ------------------------------------------------------------------ the invitation
  function readInvitation() {
    const params = new URLSearchParams(location.hash.slice(1));
    token = params.get("t") || "";
    if (!token || token.length > 2048 || !token.includes(".")) return false;
    try {
      const claims = JSON.parse(new TextDecoder().decode(unb64url(token.split(".")[0])));
      if (typeof claims.room !== "string" || typeof claims.office !== "string") return false;
      state.room = claims.room.slice(0, 64);
      state.office = claims.office.slice(0, 200);
      return true;
    } catch (err) {
      return false;
    }
  }

  // ------------------------------------------------------------------ install key (IndexedDB)
  // The invitation binds to this key on first use (protocol §2); keeping it lets a reload
  // come back as the same install. Stored non-extractable: the page itself cannot read it out.
  function openStore() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open("lintas-guest", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("keys");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async function installKey() {
    let db = null;
    try {
      db = await openStore();
      const stored = await new Promise((resolve) => {
        const req = db.transaction("keys").objectStore("keys").get("install");
        req.onsuccess = () => resolve(req.result || null);
        req.onerror = () => resolve(null);
      });
      if (stored) return stored;
    } catch (err) {
      db = null; // private windows may refuse storage: a key for this page only
    }
    const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    if (db) {
      db.transaction("keys", "readwrite").objectStore("keys").put(pair, "install");
    }
    return pair;
  }

  // ------------------------------------------------------------------ local media
  async function openMedia() {
    const video = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } };
    const attempts = [
      [{ audio: true, video }, null],
      [{ audio: true }, "noCamera"],
      [{ video }, "noMic"],
    ];
    let firstError = null;
    for (const [constraints, message] of attempts) {
      try {
        const stream = await navigator.mediaDevices.getUserMedia(constraints);
        if (message) notice(T(message));
        return stream;
      } catch (err) {
        firstError = firstError || err;
        if (err.name !== "NotFoundError" && err.name !== "OverconstrainedError") break;
      }
    }
    const name = firstError ? firstError.name : "";
    state.errors.push("media:" + name);
    if (name === "NotAllowedError" || name === "SecurityError") notice(T("camDenied"));
    else if (name === "NotFoundError" || name === "OverconstrainedError") notice(T("camMissing"));
    else if (name === "NotReadableError" || name === "AbortError") notice(T("camBusy"));
    else notice(T("camOther"));
    return null;
  }

  // ------------------------------------------------------------------ hub
  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ v: V, ...message }));
  }
  function connect() {
    ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
    let welcomed = false;
    ws.onopen = () => send({ type: "hello" });
    ws.onmessage = async (event) => {
      if (typeof event.data !== "string" || event.data.length > 96 * 1024) return;
      let msg;
      try { msg = JSON.parse(event.data); } catch (err) { return; }
      if (!msg || typeof msg !== "object" || msg.v !== V) return;
      if (msg.type === "welcome") welcomed = true;
      await onHub(msg);
    };
    ws.onclose = () => {
      if (leaving || state.phase === "refused") return;
      if (!welcomed && state.phase === "joining") {
        refuse("unreachable");
        return;
      }
      notice(T("hubLost"));
      reconnectDelay = Math.min(3000, reconnectDelay ? reconnectDelay * 2 : 200);
      setTimeout(connect, reconnectDelay);
    };
  }
  async function onHub(msg) {
    switch (msg.type) {
      case "challenge": {
        const text = ["lintas-join-v2", String(msg.nonce), state.room, state.peerId, token].join("\n");
        const sig = await crypto.subtle.sign({ name: "Ed25519" }, keyPair.privateKey, new TextEncoder().encode(text));
        send({ type: "join", room: state.room, token, peer_id: state.peerId, key: publicKey, sig: b64url(new Uint8Array(sig)) });
        break;
      }
      case "welcome": {
        if (state.phase === "call") notice(T("hubBack"), "info");
        reconnectDelay = 0;
        iceServers = Array.isArray(msg.ice_servers) ? msg.ice_servers.slice(0, 16) : [];
        state.office = String(msg.office || state.office).slice(0, 200);
        if (state.phase !== "call") enterCall();
        const listed = Array.isArray(msg.peers) ? msg.peers.slice(0, MAX_PEERS) : [];
        for (const info of listed) {
          const peer = addPeer(info);
          if (!peer) continue;
          const working = peer.pc && ["connected", "connecting"].includes(peer.pc.connectionState);
          if (!working) await offer(peer); // the newcomer offers to everyone listed (§6)
        }
        updateAlone();
        break;
      }
      case "peer-joined": {
        const known = state.peers.has(String(msg.peer_id || ""));
        const peer = addPeer(msg);
        // An office already shown (back after a hub restart) is not announced again.
        if (peer && !known) notice(T("peerJoined", { office: peer.office }), "info");
        updateAlone();
        break; // the newcomer offers; we wait for it
      }
      case "peer-left":
        removePeer(String(msg.peer_id), true);
        break;
      case "signal":
        await onSignal(msg);
        break;
      case "presenter": {
        // The hub names the one presenter (protocol.md §7, Presenting); nobody: no peer_id.
        state.hubPresenter = String(msg.peer_id || "");
        const peer = state.peers.get(state.hubPresenter);
        if (peer && peer.screen) showPresentation(peer, peer.screen);
        else if (state.presenting && state.presenting !== state.hubPresenter) showPresentation(null, null);
        break;
      }
      case "error": {
        state.errors.push(String(msg.code));
        const key = FINAL_CODES[msg.code];
        if (key) refuse(key);
        break;
      }
      default:
        break; // relay (call-identity of offices: a guest has no identity to check it with), pong
    }
  }

  // ------------------------------------------------------------------ peers and tiles
  function addPeer(info) {
    const id = String(info.peer_id || "");
    if (!/^[A-Za-z0-9_-]{4,64}$/.test(id) || id === state.peerId) return null;
    let peer = state.peers.get(id);
    if (!peer) {
      if (state.peers.size >= MAX_PEERS) return null;
      peer = {
        id, office: String(info.office || "").slice(0, 200), guest: info.guest === true,
        pc: null, dc: null, session: 0, unacked: new Map(), seen: [], seenSet: new Set(),
        chunks: new Map(), tile: null, camera: null, screen: null, lastBytes: 0, quietSince: 0,
      };
      state.peers.set(id, peer);
      peer.tile = makeTile(peer.office);
      $("tiles").append(peer.tile.root);
    }
    return peer;
  }
  function removePeer(id, announce) {
    const peer = state.peers.get(id);
    if (!peer) return;
    closePc(peer);
    peer.tile.root.remove();
    if (state.presenting === id) showPresentation(null, null);
    state.peers.delete(id);
    if (announce) notice(T("peerLeft", { office: peer.office }), "info");
    updateAlone();
  }
  function makeTile(name, self = false) {
    const root = document.createElement("div");
    root.className = "tile";
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = self;
    const label = document.createElement("span");
    label.className = "name";
    label.textContent = self ? T("you", { office: name }) : name;
    const status = document.createElement("span");
    status.className = "state";
    status.textContent = self ? "" : T("waiting");
    root.append(video, label, status);
    return { root, video, status };
  }
  function updateAlone() {
    if (state.phase !== "call") return;
    if (state.peers.size === 0) notice(T("alone"), "info");
  }
  function showPresentation(peer, stream) {
    const box = $("presentation");
    box.replaceChildren();
    state.presenting = peer ? peer.id : "";
    $("call").classList.toggle("presenting", Boolean(peer));
    if (!peer) { box.hidden = true; return; }
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true;
    video.title = T("presentation", { office: peer.office });
    video.srcObject = stream;
    box.append(video);
    box.hidden = false;
  }

  // ------------------------------------------------------------------ negotiation (§6)
  function newPc(peer, session) {
    closePc(peer);
    peer.session = session;
    peer.camera = null;
    peer.screen = null;
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: "max-bundle" });
    peer.pc = pc;
    peer.sentDescription = false;
    peer.pendingCandidates = [];
    pc.onicecandidate = (event) => {
      if (peer.pc !== pc) return;
      const c = event.candidate;
      const signal = { type: "signal", to: peer.id, kind: "candidate", session, sdp: c ? c.candidate : "", mid: c && c.sdpMid ? c.sdpMid.slice(0, 32) : undefined };
      if (peer.sentDescription) send(signal); else peer.pendingCandidates.push(signal);
    };
    pc.ontrack = (event) => onTrack(peer, pc, event);
    pc.ondatachannel = (event) => { if (event.channel.label === "lintas") useChannel(peer, event.channel); };
    return pc;
  }
  function addLocalMedia(pc) {
    for (const kind of ["audio", "video"]) {
      const track = localStream ? localStream.getTracks().find((t) => t.kind === kind) : null;
      const transceiver = track
        ? pc.addTransceiver(track, { direction: "sendrecv", streams: [localStream] })
        : pc.addTransceiver(kind, { direction: "recvonly" });
      if (kind === "video") preferVp8(transceiver);
    }
  }
  function preferVp8(transceiver) {
    // Lintas speaks VP8 only (§7); offering VP8 first keeps the browser from answering H.264.
    if (!transceiver.setCodecPreferences || !RTCRtpReceiver.getCapabilities) return;
    const codecs = RTCRtpReceiver.getCapabilities("video").codecs;
    const vp8 = codecs.filter((c) => /video\/(vp8|rtx)$/i.test(c.mimeType));
    if (vp8.some((c) => /vp8/i.test(c.mimeType))) transceiver.setCodecPreferences(vp8);
  }
  async function sendDescription(peer, pc, kind) {
    send({ type: "signal", to: peer.id, kind, session: peer.session, sdp: pc.localDescription.sdp });
    peer.sentDescription = true; // candidates go after their offer/answer (§6 ordering)
    for (const signal of peer.pendingCandidates.splice(0)) send(signal);
  }
  async function offer(peer) {
    const pc = newPc(peer, peer.session + 1);
    useChannel(peer, pc.createDataChannel("lintas")); // the offerer makes it (§8)
    addLocalMedia(pc);
    await pc.setLocalDescription(await pc.createOffer());
    if (peer.pc === pc) await sendDescription(peer, pc, "offer");
  }
  async function onSignal(msg) {
    const peer = state.peers.get(String(msg.from || ""));
    const session = Number.isInteger(msg.session) ? msg.session : -1;
    if (!peer || session < 0) return;
    const sdp = typeof msg.sdp === "string" ? msg.sdp : "";
    if (msg.kind === "offer") {
      const pc0 = peer.pc;
      if (session < peer.session) return;
      if (session === peer.session && pc0) {
        const glare = pc0.signalingState === "have-local-offer";
        if (!glare || !(peer.id < state.peerId)) return; // duplicate, or our offer wins
      }
      const pc = newPc(peer, session);
      try {
        await pc.setRemoteDescription({ type: "offer", sdp });
        // Our camera and microphone go on the first section of each kind; the rest (an
        // office's presentation) we only receive.
        const used = new Set();
        for (const t of pc.getTransceivers()) {
          const kind = t.receiver.track.kind;
          const track = localStream ? localStream.getTracks().find((x) => x.kind === kind) : null;
          if (track && !used.has(kind)) {
            used.add(kind);
            await t.sender.replaceTrack(track);
            if (t.sender.setStreams) t.sender.setStreams(localStream);
            t.direction = "sendrecv";
            if (kind === "video") preferVp8(t);
          } else {
            t.direction = "recvonly";
          }
        }
        await pc.setLocalDescription(await pc.createAnswer());
        if (peer.pc === pc) await sendDescription(peer, pc, "answer");
      } catch (err) {
        state.errors.push("offer:" + err.name);
      }
    } else if (msg.kind === "answer") {
      if (!peer.pc || session !== peer.session || peer.pc.signalingState !== "have-local-offer") return;
      try { await peer.pc.setRemoteDescription({ type: "answer", sdp }); } catch (err) { state.errors.push("answer:" + err.name); }
    } else if (msg.kind === "candidate") {
      if (!peer.pc || session !== peer.session || !peer.pc.remoteDescription) return;
      const line = sdp.startsWith("a=") ? sdp.slice(2) : sdp;
      try { await peer.pc.addIceCandidate(line ? { candidate: line, sdpMid: msg.mid || "0" } : null); } catch (err) { /* a stale candidate */ }
    } else if (msg.kind === "restart") {
      if (session >= peer.session) await offer(peer);
    } else if (msg.kind === "bye") {
      if (session === peer.session) closePc(peer);
    }
  }
  function onTrack(peer, pc, event) {
    if (peer.pc !== pc) return;
    const track = event.track;
    if (track.kind === "audio") {
      if (!peer.camera) peer.camera = new MediaStream();
      peer.camera.addTrack(track);
      peer.tile.video.srcObject = peer.camera;
      return;
    }
    // The first video section is the office's camera; a further one is a presentation.
    const videos = pc.getTransceivers().filter((t) => t.receiver.track.kind === "video");
    if (videos[0] && videos[0].receiver.track === track) {
      if (!peer.camera) peer.camera = new MediaStream();
      peer.camera.addTrack(track);
      peer.tile.video.srcObject = peer.camera;
      watchFrames(peer.tile);
    } else {
      // A Lintas office negotiates its screen section up front and sends on it only while it
      // presents: show it when the hub names this office, or once its packets arrive.
      peer.screen = new MediaStream([track]);
      const show = () => { if (peer.pc === pc && (!state.hubPresenter || state.hubPresenter === peer.id)) showPresentation(peer, peer.screen); };
      if (state.hubPresenter === peer.id || !track.muted) show();
      track.onunmute = show;
      track.onended = () => { if (state.presenting === peer.id) showPresentation(null, null); };
    }
  }
  function watchFrames(tile) {
    const video = tile.video;
    const first = () => {
      tile.status.textContent = "";
      if (!state.firstFrameAt) state.firstFrameAt = performance.now();
    };
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(first);
    else video.addEventListener("playing", first, { once: true });
    video.play().catch(() => {});
  }
  function closePc(peer) {
    if (peer.dc) { peer.dc.onmessage = null; peer.dc.onopen = null; peer.dc.close(); }
    if (peer.pc) { peer.pc.ontrack = null; peer.pc.onicecandidate = null; peer.pc.close(); }
    peer.dc = null;
    peer.pc = null;
    peer.chunks.clear();
  }

  // Media stalls (§6 Restart): no media for 3 s from a peer that sends it, or a failed link.
  async function watchLinks() {
    for (const peer of state.peers.values()) {
      const pc = peer.pc;
      if (!pc || !pc.remoteDescription) continue;
      let bytes = 0;
      const stats = await pc.getStats();
      stats.forEach((r) => { if (r.type === "inbound-rtp") bytes += r.bytesReceived || 0; });
      const sends = /a=(sendrecv|sendonly)/.test(pc.remoteDescription.sdp);
      const now = performance.now();
      if (bytes > peer.lastBytes || !sends) { peer.lastBytes = bytes; peer.quietSince = now; continue; }
      if (!peer.quietSince) peer.quietSince = now;
      if (now - peer.quietSince < 6000 && pc.connectionState !== "failed") continue;
      peer.quietSince = now; // next attempt in 6 s
      if (state.peerId < peer.id) await offer(peer);
      else send({ type: "signal", to: peer.id, kind: "restart", session: peer.session });
    }
  }

  // ------------------------------------------------------------------ data channel (§8)
  function useChannel(peer, dc) {
    dc.binaryType = "arraybuffer";
    peer.dc = dc;
    dc.onopen = () => {
      // Everything not yet acknowledged goes again, in order, on the new channel.
      for (const envelope of peer.unacked.values()) transmit(dc, envelope);
    };
    dc.onmessage = (event) => {
      if (peer.dc !== dc) return;
      if (typeof event.data === "string") {
        if (event.data.length <= CHUNK) receiveEnvelope(peer, event.data);
      } else {
        receiveChunk(peer, new Uint8Array(event.data));
      }
    };
  }
  function transmit(dc, envelope) {
    if (!dc || dc.readyState !== "open") return;
    const bytes = new TextEncoder().encode(JSON.stringify(envelope));
    if (bytes.length <= CHUNK) { dc.send(new TextDecoder().decode(bytes)); return; }
    if (bytes.length > MAX_MESSAGE) return;
    const id = crypto.getRandomValues(new Uint8Array(16));
    const count = Math.ceil(bytes.length / CHUNK);
    for (let i = 0; i < count; i++) {
      const part = bytes.subarray(i * CHUNK, (i + 1) * CHUNK);
      const frame = new Uint8Array(27 + part.length);
      frame.set([0x4c, 0x43, 0x31]);
      frame.set(id, 3);
      const view = new DataView(frame.buffer);
      view.setUint32(19, i);
      view.setUint32(23, count);
      frame.set(part, 27);
      dc.send(frame);
    }
  }
  function receiveChunk(peer, frame) {
    if (frame.length < 27 || frame[0] !== 0x4c || frame[1] !== 0x43 || frame[2] !== 0x31) return;
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const key = b64url(frame.subarray(3, 19));
    const index = view.getUint32(19);
    const count = view.getUint32(23);
    if (count === 0 || index >= count || count > Math.ceil(MAX_MESSAGE / CHUNK)) return;
    const now = performance.now();
    for (const [k, m] of peer.chunks) if (now - m.started > CHUNK_TIMEOUT_MS) peer.chunks.delete(k);
    let message = peer.chunks.get(key);
    if (!message) {
      if (peer.chunks.size >= MAX_PENDING) peer.chunks.delete(peer.chunks.keys().next().value);
      message = { started: now, count, parts: new Map(), size: 0 };
      peer.chunks.set(key, message);
    }
    if (message.count !== count || message.parts.has(index)) return;
    message.size += frame.length - 27;
    if (message.size > MAX_MESSAGE) { peer.chunks.delete(key); return; }
    message.parts.set(index, frame.slice(27));
    if (message.parts.size < count) return;
    peer.chunks.delete(key);
    const whole = new Uint8Array(message.size);
    let at = 0;
    for (let i = 0; i < count; i++) { whole.set(message.parts.get(i), at); at += message.parts.get(i).length; }
    receiveEnvelope(peer, new TextDecoder().decode(whole));
  }
  function receiveEnvelope(peer, text) {
    let env;
    try { env = JSON.parse(text); } catch (err) { return; }
    if (!env || typeof env !== "object") return;
    if (env.t === "ack") {
      if (typeof env.id === "string" && peer.unacked.delete(env.id)) state.acks.push(env.id);
      return;
    }
    if ((env.t !== "chat" && env.t !== "app") || typeof env.id !== "string" || env.id.length > 64) return;
    transmit(peer.dc, { t: "ack", id: env.id }); // every one, duplicates too
    if (peer.seenSet.has(env.id)) return;
    peer.seenSet.add(env.id);
    peer.seen.push(env.id);
    if (peer.seen.length > SEEN_IDS) peer.seenSet.delete(peer.seen.shift());
    if (env.t === "chat" && typeof env.text === "string") {
      showChat(peer.office, env.text.slice(0, MAX_CHAT_CHARS), false);
    }
    // App messages (agreement review, signing ceremony) are for Lintas offices only: a guest
    // acknowledges them (above) and notes only their kind and size.
    if (env.t === "app" && state.apps.length < 100) {
      state.apps.push({ kind: String(env.kind).slice(0, 64), size: text.length });
    }
  }
  function sendChat(text) {
    const envelope = { t: "chat", id: hexId(), sent_at: nowIso(), text };
    for (const peer of state.peers.values()) {
      peer.unacked.set(envelope.id, envelope);
      transmit(peer.dc, envelope);
    }
    showChat(T("you", { office: state.office }), text, true);
    return envelope.id;
  }
  function showChat(from, text, own) {
    state.chats.push({ from, text, own });
    const li = document.createElement("li");
    const who = document.createElement("span");
    who.className = "from";
    who.textContent = from + ": ";
    const body = document.createElement("span");
    body.textContent = text; // never innerHTML: chat text is the other side's
    li.append(who, body);
    const log = $("chat-log");
    log.append(li);
    while (log.children.length > MAX_CHAT_LINES) log.firstChild.remove();
    log.scrollTop = log.scrollHeight;
  }

  // ------------------------------------------------------------------ call control
  function enterCall() {
    state.phase = "call";
    state.joinedAt = performance.now();
    clearNotice();
    $("start").hidden = true;
    $("call").hidden = false;
    const self = makeTile(state.office, true);
    self.video.srcObject = localStream;
    $("tiles").prepend(self.root);
    setInterval(() => { watchLinks().catch(() => {}); }, 1000);
  }
  // The hub refused us for good (expired, withdrawn, in use, ...): say so and stop everything.
  function refuse(key) {
    state.phase = "refused";
    hangUpAll(false);
    if (localStream) localStream.getTracks().forEach((t) => t.stop());
    $("start").hidden = true;
    $("call").hidden = true;
    notice(T(key));
  }
  function hangUpAll(sayBye) {
    for (const peer of state.peers.values()) {
      if (sayBye && peer.pc) send({ type: "signal", to: peer.id, kind: "bye", session: peer.session });
      closePc(peer);
    }
  }
  function leave() {
    leaving = true;
    hangUpAll(true);
    send({ type: "leave" });
    if (ws) ws.close();
    if (localStream) localStream.getTracks().forEach((t) => t.stop());
    state.phase = "left";
    $("call").hidden = true;
    notice(T("left"), "info");
    $("notice").firstChild.className = "";
  }
  async function join() {
    state.pressedAt = performance.now();
    $("join").disabled = true;
    $("join").textContent = T("joining");
    state.phase = "joining";
    try {
      keyPair = await installKey();
      publicKey = b64url(new Uint8Array(await crypto.subtle.exportKey("raw", keyPair.publicKey)));
    } catch (err) {
      refuse("noWebrtc");
      return;
    }
    localStream = await openMedia();
    connect();
  }
  function toggle(kind, button, onKey, offKey) {
    const track = localStream && localStream.getTracks().find((t) => t.kind === kind);
    if (!track) return;
    track.enabled = !track.enabled;
    button.setAttribute("aria-pressed", String(!track.enabled));
    button.textContent = T(track.enabled ? onKey : offKey);
  }

  function setup() {
    document.documentElement.lang = LANG;
    document.title = T("title");
    $("title").textContent = T("title");
    $("badge").textContent = T("badge");
    $("join").textContent = T("join");
    $("intro").textContent = T("intro");
    $("chat-title").textContent = T("chat");
    $("chat-send").textContent = T("send");
    $("mute").textContent = T("mute");
    $("camera").textContent = T("cameraOff");
    $("leave").textContent = T("leave");
    if (!window.RTCPeerConnection || !navigator.mediaDevices || !window.crypto?.subtle) {
      notice(T("noWebrtc"));
      $("start").hidden = true;
      return;
    }
    if (!readInvitation()) {
      notice(T("noLink"));
      $("start").hidden = true;
      return;
    }
    $("who").textContent = T("who", { office: state.office });
    $("join").addEventListener("click", join);
    $("leave").addEventListener("click", leave);
    $("mute").addEventListener("click", () => toggle("audio", $("mute"), "mute", "unmute"));
    $("camera").addEventListener("click", () => toggle("video", $("camera"), "cameraOff", "cameraOn"));
    $("chat-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("chat-input").value.trim().slice(0, MAX_CHAT_CHARS);
      if (text) sendChat(text);
      $("chat-input").value = "";
    });
    window.lintasGuestApi = { join, leave, sendChat }; // for tests driving the page
  }

  // What arrived and what left, for tests and the benchmark (figures only, nothing secret).
  window.lintasGuestReport = async () => {
    const peers = {};
    for (const peer of state.peers.values()) {
      const figures = { office: peer.office, guest: peer.guest, session: peer.session, framesDecoded: 0, audioPackets: 0, audioEnergy: 0, framesEncoded: 0, audioSent: 0, presenting: state.presenting === peer.id, unacked: peer.unacked.size };
      if (peer.pc) {
        const stats = await peer.pc.getStats();
        stats.forEach((r) => {
          if (r.type === "inbound-rtp" && r.kind === "video") figures.framesDecoded += r.framesDecoded || 0;
          if (r.type === "inbound-rtp" && r.kind === "audio") { figures.audioPackets += r.packetsReceived || 0; figures.audioEnergy += r.totalAudioEnergy || 0; }
          if (r.type === "outbound-rtp" && r.kind === "video") figures.framesEncoded += r.framesEncoded || 0;
          if (r.type === "outbound-rtp" && r.kind === "audio") figures.audioSent += r.packetsSent || 0;
        });
      }
      peers[peer.id] = figures;
    }
    return {
      phase: state.phase, lang: LANG, office: state.office, peerId: state.peerId, peers,
      chats: state.chats, acks: state.acks, apps: state.apps, errors: state.errors, notices: state.notices,
      firstFrameMs: state.firstFrameAt && state.joinedAt ? state.firstFrameAt - state.joinedAt : null,
      badge: $("badge").textContent,
    };
  };

  setup();
})();
