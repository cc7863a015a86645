<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>SpeakerView</name>
    <message>
        <location filename="../../ui/vicon/speaker_view.py" line="60"/>
        <source>Waiting for the other offices to join…</source>
        <translation>Menunggu kantor lain bergabung…</translation>
    </message>
</context>
<context>
    <name>CallSpeaker</name>
    <message>
        <location filename="../../ui/vicon/speaker_choice.py" line="75"/>
        <source>That speaker is no longer connected.</source>
        <translation>Pengeras suara itu sudah tidak tersambung.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/speaker_choice.py" line="88"/>
        <source>The speaker was unplugged. You now hear the call on another speaker.</source>
        <translation>Pengeras suara dicabut. Sekarang Anda mendengar panggilan lewat pengeras suara lain.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/speaker_choice.py" line="90"/>
        <source>The speaker was unplugged. Plug in a speaker to hear the others.</source>
        <translation>Pengeras suara dicabut. Pasang pengeras suara agar dapat mendengar peserta lain.</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <location filename="../../ui/vicon/controls.py" line="23"/>
        <location filename="../../ui/vicon/controls.py" line="92"/>
        <source>Mute</source>
        <translation>Bisukan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="25"/>
        <source>Mute or unmute the microphone (Ctrl+D)</source>
        <translation>Bisukan atau bunyikan mikrofon (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="26"/>
        <location filename="../../ui/vicon/controls.py" line="96"/>
        <source>Stop camera</source>
        <translation>Matikan kamera</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="28"/>
        <source>Stop or start sending video (Ctrl+E)</source>
        <translation>Hentikan atau mulai kirim video (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="29"/>
        <location filename="../../ui/vicon/controls.py" line="88"/>
        <source>Leave</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="35"/>
        <source>Rejoin</source>
        <translation>Gabung lagi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="38"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="40"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="45"/>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="47"/>
        <source>Microphone:</source>
        <translation>Mikrofon:</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="42"/>
        <source>Speaker</source>
        <translation>Pengeras suara</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="43"/>
        <source>Speaker:</source>
        <translation>Pengeras suara:</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="88"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="92"/>
        <source>Unmute</source>
        <translation>Bunyikan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/controls.py" line="96"/>
        <source>Start camera</source>
        <translation>Nyalakan kamera</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="0"/>
        <source>Hub offline; the call continues</source>
        <translation>Hub luring; panggilan tetap berjalan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="66"/>
        <source>Lintas — video call</source>
        <translation>Lintas — panggilan video</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="87"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="90"/>
        <source>Chat</source>
        <translation>Obrolan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="189"/>
        <source>Not connected</source>
        <translation>Tidak terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="190"/>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="191"/>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="192"/>
        <source>Connection lost — reconnecting…</source>
        <translation>Koneksi terputus — menyambung ulang…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="193"/>
        <source>You left the call</source>
        <translation>Anda telah keluar dari panggilan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="194"/>
        <source>Call failed</source>
        <translation>Panggilan gagal</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="198"/>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="227"/>
        <source>{office} joined</source>
        <translation>{office} bergabung</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="233"/>
        <source>{office} left</source>
        <translation>{office} keluar</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="274"/>
        <source>Problem: {message}</source>
        <translation>Masalah: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/call_window.py" line="282"/>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <source>Office identity unlocked: the other offices can now verify you.</source>
        <translation>Identitas kantor dibuka: kantor lain sekarang dapat memverifikasi Anda.</translation>
    </message>
    <message>
        <source>{office} joined from a browser as a guest (not verified)</source>
        <translation>{office} bergabung dari peramban sebagai tamu (tidak terverifikasi)</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../ui/vicon/chat_panel.py" line="30"/>
        <source>Chat messages</source>
        <translation>Pesan obrolan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/chat_panel.py" line="33"/>
        <source>Type a message…</source>
        <translation>Ketik pesan…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/chat_panel.py" line="35"/>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../ui/vicon/devices.py" line="61"/>
        <source>Test pattern</source>
        <extracomment>Device id of the synthetic test pattern / tone in the pickers and in settings. Width the camera picture is scaled to before encoding: VP8 at 640 px costs a third of a core.</extracomment>
        <translation>Pola uji</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/devices.py" line="68"/>
        <source>Test tone</source>
        <translation>Nada uji</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Kamera tidak ditemukan</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>Mikrofon tidak ditemukan</translation>
    </message>
    <message>
        <source>No speaker found</source>
        <translation>Pengeras suara tidak ditemukan</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Tanpa kamera</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Tanpa mikrofon</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>The session is open. Invite the other office to join it.</source>
        <translation>Sesi sudah dibuka. Undang kantor mitra untuk bergabung.</translation>
    </message>
    <message>
        <source>Invitations use this computer's address in your office network ({address}). Offices in other cities can join only over a network you share with them, such as a VPN. If they cannot connect, ask your IT staff for the address to use and enter it under Details.</source>
        <translation>Undangan memakai alamat komputer ini di jaringan kantor Anda ({address}). Kantor di kota lain hanya dapat bergabung melalui jaringan yang Anda gunakan bersama, misalnya VPN. Jika mereka tidak dapat terhubung, tanyakan alamat yang harus dipakai kepada staf TI Anda dan isikan di Rincian.</translation>
    </message>
    <message>
        <source>Address in invitations:</source>
        <translation>Alamat dalam undangan:</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Akhiri sesi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Invite an office…</source>
        <translation>Undang kantor…</translation>
    </message>
    <message>
        <source>Start a session</source>
        <translation>Mulai sesi</translation>
    </message>
    <message>
        <source>Start a session to open a call on this computer, then invite the other office: Lintas writes the invitation for you to send.</source>
        <translation>Mulai sesi untuk membuka panggilan di komputer ini, lalu undang kantor mitra: Lintas menuliskan undangan untuk Anda kirim.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="64"/>
        <source>Run the meeting hub on this computer. Offices on the same network (or that can reach this computer) join with the invitation you send them.</source>
        <extracomment>Default invite lifetime: a working day, so an invite sent in the morning works all day.</extracomment>
        <translation>Jalankan hub rapat di komputer ini. Kantor di jaringan yang sama (atau yang dapat menjangkau komputer ini) bergabung dengan undangan yang Anda kirimkan.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="70"/>
        <source>Start hosting</source>
        <translation>Mulai menjadi tuan rumah</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="71"/>
        <source>Stop hosting</source>
        <translation>Berhenti menjadi tuan rumah</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="72"/>
        <location filename="../../ui/sessions/host_panel.py" line="156"/>
        <source>Not hosting.</source>
        <translation>Tidak sedang menjadi tuan rumah.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="78"/>
        <source>The address other offices use to reach this computer.</source>
        <translation>Alamat yang dipakai kantor lain untuk menjangkau komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="84"/>
        <source>e.g. Pemerintah Kota Pekanbaru</source>
        <translation>mis. Pemerintah Kota Pekanbaru</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="88"/>
        <source> h</source>
        <translation> jam</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="89"/>
        <source>Create invitation</source>
        <translation>Buat undangan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="92"/>
        <source>The invitation to send appears here.</source>
        <translation>Undangan yang akan dikirim muncul di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="93"/>
        <source>Copy invitation</source>
        <translation>Salin undangan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="94"/>
        <source>Open the call</source>
        <translation>Buka panggilan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="98"/>
        <source>Room:</source>
        <translation>Ruang:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="99"/>
        <source>This computer&apos;s address:</source>
        <translation>Alamat komputer ini:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="100"/>
        <source>Invite office:</source>
        <translation>Undang kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>Invitation valid for:</source>
        <translation>Undangan berlaku selama:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>Session length:</source>
        <translation>Lama sesi:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>The invitation works for the session&apos;s length plus two hours.</source>
        <translation>Undangan berlaku selama sesi ditambah dua jam.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>Withdraw invitation</source>
        <translation>Tarik undangan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>The office can no longer join with it; if it is in the call, it is removed.</source>
        <translation>Kantor itu tidak dapat bergabung lagi dengannya; jika sedang dalam panggilan, kantor itu dikeluarkan.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="101"/>
        <source>The invitation for {office} was withdrawn; it can no longer be used.</source>
        <translation>Undangan untuk {office} telah ditarik; undangan itu tidak dapat dipakai lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="141"/>
        <source>Could not start the hub: {error}</source>
        <translation>Hub tidak dapat dijalankan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="141"/>
        <source>Could not start hosting on this computer. Check that this computer is connected to the network, then try again.</source>
        <translation>Tidak dapat mulai menjadi tuan rumah di komputer ini. Pastikan komputer ini terhubung ke jaringan, lalu coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="144"/>
        <source>Hosting on port {port}.</source>
        <translation>Menjadi tuan rumah di port {port}.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/host_panel.py" line="187"/>
        <source>Invitation copied.</source>
        <translation>Undangan disalin.</translation>
    </message>
</context>
<context>
    <name>HubMessages</name>
    <message>
        <source>The connection to the host office's computer was lost. Lintas tries to reconnect; if it does not, press Rejoin.</source>
        <translation>Sambungan ke komputer kantor tuan rumah terputus. Lintas mencoba menyambung kembali; jika tidak berhasil, tekan Gabung lagi.</translation>
    </message>
    <message>
        <source>The host office's computer cannot be reached. Check that this computer is online, then press Rejoin. If it still fails, ask the host office for a new invitation.</source>
        <translation>Komputer kantor tuan rumah tidak dapat dihubungi. Pastikan komputer ini terhubung ke internet, lalu tekan Gabung lagi. Jika masih gagal, mintalah undangan baru kepada kantor tuan rumah.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="19"/>
        <source>The hub received a message that is not JSON</source>
        <translation>Hub menerima pesan yang bukan JSON</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="20"/>
        <source>The hub received a malformed message</source>
        <translation>Hub menerima pesan yang rusak</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="21"/>
        <source>A message was too large for the hub</source>
        <translation>Sebuah pesan terlalu besar untuk hub</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="22"/>
        <source>The hub speaks another protocol version; update Lintas on both sides</source>
        <translation>Hub memakai versi protokol lain; perbarui Lintas di kedua sisi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="25"/>
        <source>The hub did not understand a message</source>
        <translation>Hub tidak memahami sebuah pesan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="26"/>
        <source>The hub received a message with an invalid field</source>
        <translation>Hub menerima pesan dengan isian yang tidak valid</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="29"/>
        <source>Not admitted to the room yet</source>
        <translation>Belum diizinkan masuk ke ruang</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="30"/>
        <source>This connection has already joined a room</source>
        <translation>Koneksi ini sudah bergabung ke sebuah ruang</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="33"/>
        <source>The invitation is not valid for this hub; ask the host for a new one</source>
        <translation>Undangan tidak berlaku untuk hub ini; mintalah undangan baru kepada penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="36"/>
        <source>The invitation has expired; ask the host for a new one</source>
        <translation>Undangan sudah kedaluwarsa; mintalah undangan baru kepada penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="66"/>
        <source>It expired on %1.</source>
        <translation>Undangan itu kedaluwarsa pada %1.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="39"/>
        <source>The invitation is for another session</source>
        <translation>Undangan ini untuk sesi lain</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="42"/>
        <source>That participant is no longer in the session</source>
        <translation>Peserta itu sudah tidak ada di sesi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="45"/>
        <source>The session is full</source>
        <translation>Sesi sudah penuh</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="46"/>
        <source>Another connection already uses this participant id</source>
        <translation>Koneksi lain sudah memakai ID peserta ini</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="49"/>
        <source>Cannot reach the hub; check the address and the network</source>
        <translation>Hub tidak dapat dijangkau; periksa alamat dan jaringan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="52"/>
        <source>The connection to the hub was lost</source>
        <translation>Koneksi ke hub terputus</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="53"/>
        <source>A message from another office could not be read</source>
        <translation>Pesan dari kantor lain tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>The invitation for {office} is already in use on another computer; ask the host for a new invitation</source>
        <translation>Undangan untuk {office} sudah dipakai di komputer lain; mintalah undangan baru kepada tuan rumah</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>The host has withdrawn this invitation</source>
        <translation>Tuan rumah telah menarik undangan ini</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>The hub could not confirm this computer; update Lintas and try again</source>
        <translation>Hub tidak dapat memastikan komputer ini; perbarui Lintas lalu coba lagi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>Too many messages were sent to the hub at once</source>
        <translation>Terlalu banyak pesan dikirim ke hub sekaligus</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>Joining took too long; check the network and try again</source>
        <translation>Bergabung terlalu lama; periksa jaringan lalu coba lagi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="56"/>
        <source>The hub is busy; try again in a moment</source>
        <translation>Hub sedang sibuk; coba lagi sebentar lagi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="57"/>
        <source>{office} is presenting. Ask them to stop, or wait until they finish.</source>
        <translation>{office} sedang mempresentasikan. Minta mereka berhenti, atau tunggu sampai selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>Only the host can take over a presentation</source>
        <translation>Hanya tuan rumah yang dapat mengambil alih presentasi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>Only the host of this meeting can do that</source>
        <translation>Hanya tuan rumah rapat ini yang dapat melakukannya</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>The host did not let you into this meeting. Contact the host office.</source>
        <translation>Tuan rumah tidak mengizinkan Anda masuk ke rapat ini. Hubungi kantor tuan rumah.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>Too many offices are waiting to enter. Try again in a few minutes.</source>
        <translation>Terlalu banyak kantor yang menunggu untuk masuk. Coba lagi beberapa menit lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>Nobody let you into the meeting in time. Join again, or contact the host office.</source>
        <translation>Tidak ada yang mengizinkan Anda masuk ke rapat tepat waktu. Gabung lagi, atau hubungi kantor tuan rumah.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>The host removed your office from this meeting.</source>
        <translation>Tuan rumah mengeluarkan kantor Anda dari rapat ini.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="61"/>
        <source>The host ended the meeting for everyone.</source>
        <translation>Tuan rumah mengakhiri rapat untuk semua peserta.</translation>
    </message>
</context>
<context>
    <name>Invite</name>
    <message>
        <source>When: the session is open now; join before {time}.</source>
        <translation>Waktu: sesi sudah dibuka sekarang; bergabunglah sebelum {time}.</translation>
    </message>
    <message>
        <source>How to join: open Lintas, go to Sessions and paste this whole message under “Join a session”: the call opens at once.</source>
        <translation>Cara bergabung: buka Lintas, masuk ke Sesi Vicon, lalu tempelkan seluruh pesan ini di “Bergabung ke sesi”: panggilan langsung terbuka.</translation>
    </message>
    <message>
        <source>In the call, both offices read the code on their screens aloud; trust each other only if it is the same.</source>
        <translation>Dalam panggilan, kedua kantor membacakan kode di layar masing-masing; saling percayai hanya jika kodenya sama.</translation>
    </message>
    <message>
        <source>Code to paste (for Lintas, do not change it):</source>
        <translation>Kode untuk ditempel (untuk Lintas, jangan diubah):</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="54"/>
        <source>{host} invites {guest} to a Lintas video session.</source>
        <extracomment>Invites are pasted by people; refuse anything absurdly large instead of parsing it.</extracomment>
        <translation>{host} mengundang {guest} ke sesi video Lintas.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="58"/>
        <source>your office</source>
        <translation>kantor Anda</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="60"/>
        <source>In Lintas, open Sessions → Join a session and paste this whole text.</source>
        <translation>Di Lintas, buka Sesi → Bergabung ke sesi lalu tempelkan seluruh teks ini.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="75"/>
        <source>This text is too long to be an invitation.</source>
        <translation>Teks ini terlalu panjang untuk sebuah undangan.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="86"/>
        <source>This is not a complete Lintas invitation (missing: {fields}).</source>
        <translation>Ini bukan undangan Lintas yang lengkap (tidak ada: {fields}).</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="94"/>
        <source>The hub address {address} is not a ws:// or wss:// address.</source>
        <translation>Alamat hub {address} bukan alamat ws:// atau wss://.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/invite.py" line="98"/>
        <source>The hub address in this invitation is damaged; ask the host to send it again.</source>
        <translation>Alamat hub dalam undangan ini rusak; mintalah tuan rumah mengirimkannya lagi.</translation>
    </message>
    <message>
        <source>Without Lintas: open this link in Chrome or Edge to join as a guest with camera, microphone and chat. A guest is not verified, so agreements cannot be reviewed or signed with it.</source>
        <translation>Tanpa Lintas: buka tautan ini di Chrome atau Edge untuk bergabung sebagai tamu dengan kamera, mikrofon, dan obrolan. Tamu tidak terverifikasi, sehingga kesepakatan tidak dapat ditinjau atau ditandatangani bersamanya.</translation>
    </message>
    <message>
        <source>The browser will warn that the connection is not private, because {host} made its own certificate: continue only if the certificate's SHA-256 fingerprint starts with {fingerprint}.</source>
        <translation>Peramban akan memperingatkan bahwa koneksi tidak pribadi, karena {host} membuat sertifikatnya sendiri: lanjutkan hanya jika sidik jari SHA-256 sertifikat itu diawali {fingerprint}.</translation>
    </message>
</context>
<context>
    <name>JoinPanel</name>
    <message>
        <location filename="../../ui/sessions/join_panel.py" line="27"/>
        <source>Paste the invitation here…</source>
        <translation>Tempelkan undangan di sini…</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/join_panel.py" line="28"/>
        <source>Invitation</source>
        <translation>Undangan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/join_panel.py" line="33"/>
        <source>Join</source>
        <translation>Bergabung</translation>
    </message>
    <message>
        <source>Paste the invitation text the hosting office sent you (the whole message is fine): the call opens at once.</source>
        <translation>Tempelkan teks undangan yang dikirim kantor penyelenggara (seluruh pesan boleh): panggilan langsung terbuka.</translation>
    </message>
</context>
<context>
    <name>LocalMedia</name>
    <message>
        <location filename="../../ui/vicon/devices.py" line="311"/>
        <source>Camera not found; showing the test pattern.</source>
        <translation>Kamera tidak ditemukan; menampilkan pola uji.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/devices.py" line="335"/>
        <source>Microphone not found; sending the test tone.</source>
        <translation>Mikrofon tidak ditemukan; mengirim nada uji.</translation>
    </message>
    <message>
        <source>No camera found. The others see no picture; you can choose the test pattern in the camera list.</source>
        <translation>Kamera tidak ditemukan. Peserta lain tidak melihat gambar; Anda dapat memilih pola uji di daftar kamera.</translation>
    </message>
    <message>
        <source>No microphone found. The others hear nothing from you; you can choose the test tone in the microphone list.</source>
        <translation>Mikrofon tidak ditemukan. Peserta lain tidak mendengar suara Anda; Anda dapat memilih nada uji di daftar mikrofon.</translation>
    </message>
    <message>
        <source>That camera is no longer connected.</source>
        <translation>Kamera itu tidak lagi tersambung.</translation>
    </message>
    <message>
        <source>That microphone is no longer connected.</source>
        <translation>Mikrofon itu tidak lagi tersambung.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>No session is open. Press “Start a session”, then “Invite an office…” and send the invitation. Or paste an invitation you received under “Join a session”.</source>
        <translation>Belum ada sesi yang dibuka. Tekan “Mulai sesi”, lalu “Undang kantor…” dan kirim undangannya. Atau tempelkan undangan yang Anda terima di “Bergabung ke sesi”.</translation>
    </message>
    <message>
        <source>The session is open. Press “Invite an office…” and send the invitation.</source>
        <translation>Sesi sudah dibuka. Tekan “Undang kantor…” dan kirim undangannya.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="71"/>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="82"/>
        <source>Host a session</source>
        <translation>Menjadi tuan rumah sesi</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="84"/>
        <source>Join a session</source>
        <translation>Bergabung ke sesi</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="87"/>
        <source>Scheduled sessions</source>
        <translation>Sesi terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="172"/>
        <source>No session is open. To begin, either host one — start hosting, then create an invitation for each counterpart office and send it to them — or paste an invitation you received under “Join a session”. You can also schedule a session ahead and send a calendar file.</source>
        <translation>Belum ada sesi yang terbuka. Untuk memulai, jadilah tuan rumah — mulai menjadi tuan rumah, buat undangan untuk setiap kantor mitra lalu kirimkan — atau tempelkan undangan yang Anda terima di bagian “Bergabung ke sesi”. Anda juga dapat menjadwalkan sesi lebih dahulu dan mengirim berkas kalender.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="159"/>
        <source>A call is open in its own window.</source>
        <translation>Sebuah panggilan terbuka di jendelanya sendiri.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/page.py" line="163"/>
        <source>You are hosting. Create an invitation for each office, send it, then open the call.</source>
        <translation>Anda menjadi tuan rumah. Buat undangan untuk setiap kantor, kirimkan, lalu buka panggilan.</translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message>
        <location filename="../../ui/vicon/participants.py" line="25"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/participants.py" line="36"/>
        <source>{office} (you)</source>
        <translation>{office} (Anda)</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../../ui/vicon/quality.py" line="86"/>
        <source>Measuring…</source>
        <translation>Mengukur…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="87"/>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="88"/>
        <source>Fair</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="89"/>
        <source>Poor</source>
        <translation>Buruk</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="96"/>
        <source>n/a</source>
        <translation>t/a</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="103"/>
        <source>Connection to {office}: {grade}</source>
        <translation>Koneksi ke {office}: {grade}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="106"/>
        <source>Round trip: {value}</source>
        <translation>Waktu pulang-pergi: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="109"/>
        <source>Packet loss: {value}</source>
        <translation>Paket hilang: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="112"/>
        <source>Bitrate: {value}</source>
        <translation>Laju bit: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/quality.py" line="115"/>
        <source>Received video: {value}</source>
        <translation>Video diterima: {value}</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="50"/>
        <source>Schedule a session</source>
        <translation>Jadwalkan sesi</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="53"/>
        <source>e.g. Vicon on the smart-city cooperation</source>
        <translation>mis. Vicon kerja sama kota cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="66"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="71"/>
        <source>e.g. Pemerintah Kota Pekanbaru</source>
        <translation>mis. Pemerintah Kota Pekanbaru</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="73"/>
        <source>Agenda, dial-in notes…</source>
        <translation>Agenda, catatan sambungan…</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="78"/>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="79"/>
        <source>Date:</source>
        <translation>Tanggal:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="80"/>
        <source>Time:</source>
        <translation>Jam:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="81"/>
        <source>Time zone:</source>
        <translation>Zona waktu:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="83"/>
        <source>Duration:</source>
        <translation>Durasi:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="84"/>
        <source>Counterpart office:</source>
        <translation>Kantor mitra:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="85"/>
        <source>Notes:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="89"/>
        <source>Schedule</source>
        <translation>Jadwalkan</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="90"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="107"/>
        <source>WIB — Western Indonesia (UTC+7)</source>
        <translation>WIB — Indonesia Barat (UTC+7)</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="108"/>
        <source>WITA — Central Indonesia (UTC+8)</source>
        <translation>WITA — Indonesia Tengah (UTC+8)</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="109"/>
        <source>WIT — Eastern Indonesia (UTC+9)</source>
        <translation>WIT — Indonesia Timur (UTC+9)</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_dialog.py" line="141"/>
        <source>Same moment: {times}</source>
        <translation>Waktu yang sama: {times}</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="48"/>
        <source>Scheduled sessions</source>
        <translation>Sesi terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="52"/>
        <source>No sessions scheduled. Schedule one to send a calendar invitation (.ics).</source>
        <translation>Belum ada sesi terjadwal. Jadwalkan satu untuk mengirim undangan kalender (.ics).</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="57"/>
        <source>Schedule…</source>
        <translation>Jadwalkan…</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="58"/>
        <source>Export .ics…</source>
        <translation>Ekspor .ics…</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="59"/>
        <source>Host this session</source>
        <translation>Jadi tuan rumah sesi ini</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="122"/>
        <source>Starts at:</source>
        <translation>Mulai pukul:</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="169"/>
        <source>Saved {file}.</source>
        <translation>{file} tersimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="187"/>
        <source>Export calendar</source>
        <translation>Ekspor kalender</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="189"/>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/sessions/schedule_panel.py" line="195"/>
        <source>Could not save: {error}</source>
        <translation>Tidak dapat menyimpan: {error}</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="0"/>
        <source>Video paused: poor connection</source>
        <translation>Video terhenti: koneksi buruk</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="64"/>
        <source>{office} (you)</source>
        <extracomment>A remote picture older than this is shown dimmed as &quot;video paused&quot; (a stall, a cut link).</extracomment>
        <translation>{office} (Anda)</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="126"/>
        <source>Video paused…</source>
        <translation>Video terhenti…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="134"/>
        <source>Camera off</source>
        <translation>Kamera mati</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="136"/>
        <source>Starting camera…</source>
        <translation>Menyalakan kamera…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="138"/>
        <source>Waiting for video…</source>
        <translation>Menunggu video…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/video_tile.py" line="147"/>
        <source>{name} · muted</source>
        <translation>{name} · dibisukan</translation>
    </message>
</context>
<context>
    <name>CallIdentity</name>
    <message>
        <source>The office proved who it is with the office certificate you trust.</source>
        <translation>Kantor ini membuktikan identitasnya dengan sertifikat kantor yang Anda percayai.</translation>
    </message>
    <message>
        <source>Checking who is on this connection…</source>
        <translation>Memeriksa siapa yang berada di sambungan ini…</translation>
    </message>
    <message>
        <source>This office did not prove who it is: it joined without an office identity.</source>
        <translation>Kantor ini tidak membuktikan identitasnya: kantor ini bergabung tanpa identitas kantor.</translation>
    </message>
    <message>
        <source>This office&apos;s certificate is not one you trust. Import its office card to verify it.</source>
        <translation>Sertifikat kantor ini bukan sertifikat yang Anda percayai. Impor kartu kantornya untuk memverifikasinya.</translation>
    </message>
    <message>
        <source>This office&apos;s proof of identity has an invalid signature.</source>
        <translation>Bukti identitas kantor ini memiliki tanda tangan yang tidak sah.</translation>
    </message>
    <message>
        <source>This office&apos;s proof of identity could not be read.</source>
        <translation>Bukti identitas kantor ini tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>This office&apos;s proof of identity belongs to another call.</source>
        <translation>Bukti identitas kantor ini milik panggilan lain.</translation>
    </message>
    <message>
        <source>This office&apos;s certificate has expired or is not valid yet.</source>
        <translation>Sertifikat kantor ini sudah kedaluwarsa atau belum berlaku.</translation>
    </message>
    <message>
        <source>The connection does not end at the office that vouched for it. Someone may be listening in: do not discuss or sign anything; leave the call and call again.</source>
        <translation>Sambungan ini tidak berujung di kantor yang menjaminnya. Mungkin ada pihak lain yang ikut mendengarkan: jangan membahas atau menandatangani apa pun; keluar dari panggilan lalu hubungi lagi.</translation>
    </message>
</context>
<context>
    <name>CallVerification</name>
    <message>
        <source>Checking identity…</source>
        <translation>Memeriksa identitas…</translation>
    </message>
    <message>
        <source>Verified: %1</source>
        <translation>Terverifikasi: %1</translation>
    </message>
    <message>
        <source>Not verified: connection intercepted</source>
        <translation>Tidak terverifikasi: sambungan disadap</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Tidak terverifikasi</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Kode %1</translation>
    </message>
    <message>
        <source>%1 is verified.</source>
        <translation>%1 terverifikasi.</translation>
    </message>
    <message>
        <source>%1 is verified. Read the code %2 aloud: the other office must see the same code.</source>
        <translation>%1 terverifikasi. Bacakan kode %2: kantor lain harus melihat kode yang sama.</translation>
    </message>
    <message>
        <source>Warning: the connection to %1 does not end at %1. Someone may be listening in. Do not discuss or sign anything; leave the call and call again.</source>
        <translation>Peringatan: sambungan ke %1 tidak berujung di %1. Mungkin ada pihak lain yang ikut mendengarkan. Jangan membahas atau menandatangani apa pun; keluar dari panggilan lalu hubungi lagi.</translation>
    </message>
    <message>
        <source>Live review needs every office in the call to be verified.</source>
        <translation>Tinjauan langsung memerlukan semua kantor dalam panggilan terverifikasi.</translation>
    </message>
    <message>
        <source>The signing ceremony needs every office in the call to be verified.</source>
        <translation>Upacara penandatanganan memerlukan semua kantor dalam panggilan terverifikasi.</translation>
    </message>
    <message>
        <source>Not verified: %1.</source>
        <translation>Belum terverifikasi: %1.</translation>
    </message>
    <message>
        <source>Import the office card of each office you expect (Settings), then join the call again; if it still says “Not verified”, do not continue.</source>
        <translation>Impor kartu kantor setiap kantor yang Anda harapkan (Pengaturan), lalu bergabung lagi ke panggilan; jika masih tertulis “Tidak terverifikasi”, jangan lanjutkan.</translation>
    </message>
    <message>
        <source>Guest (browser), not verified</source>
        <translation>Tamu (peramban), tidak terverifikasi</translation>
    </message>
    <message>
        <source>Live review cannot run while a browser guest is in the call (%1): a guest has no Lintas office identity, so nobody can prove who it is.</source>
        <translation>Tinjauan langsung tidak dapat berjalan selama ada tamu lewat peramban di panggilan (%1): tamu tidak memiliki identitas kantor Lintas, sehingga tidak ada yang dapat membuktikan siapa dia.</translation>
    </message>
    <message>
        <source>The signing ceremony cannot run while a browser guest is in the call (%1): a guest has no Lintas office identity, so nobody can prove who it is.</source>
        <translation>Upacara penandatanganan tidak dapat berjalan selama ada tamu lewat peramban di panggilan (%1): tamu tidak memiliki identitas kantor Lintas, sehingga tidak ada yang dapat membuktikan siapa dia.</translation>
    </message>
    <message>
        <source>Talk with the guest as you like; to review or sign, that office joins from the Lintas app with its office card.</source>
        <translation>Silakan berbicara dengan tamu; untuk meninjau atau menandatangani, kantor itu bergabung dari aplikasi Lintas dengan kartu kantornya.</translation>
    </message>
</context>
<context>
    <name>IdentityBar</name>
    <message>
        <source>Password of the office identity</source>
        <translation>Kata sandi identitas kantor</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>The other offices cannot verify this office yet. Unlock the office identity to prove that this call comes from {office}.</source>
        <translation>Kantor lain belum dapat memverifikasi kantor ini. Buka identitas kantor untuk membuktikan bahwa panggilan ini berasal dari {office}.</translation>
    </message>
    <message>
        <source>Unlock office identity…</source>
        <translation>Buka identitas kantor…</translation>
    </message>
    <message>
        <source>Unlock office identity</source>
        <translation>Buka identitas kantor</translation>
    </message>
    <message>
        <source>Password of the office identity:</source>
        <translation>Kata sandi identitas kantor:</translation>
    </message>
    <message>
        <source>The password is wrong. Try again.</source>
        <translation>Kata sandi salah. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
    <message>
        <source>Save the invitation as a calendar file</source>
        <translation>Simpan undangan sebagai berkas kalender</translation>
    </message>
    <message>
        <source>Withdrawn: nobody can join with that invitation.</source>
        <translation>Ditarik kembali: tidak ada yang dapat bergabung dengan undangan itu.</translation>
    </message>
    <message>
        <source>Saved as %1. Attach it to an e-mail.</source>
        <translation>Disimpan sebagai %1. Lampirkan pada surel.</translation>
    </message>
    <message>
        <source>The calendar file could not be saved there.</source>
        <translation>Berkas kalender tidak dapat disimpan di sana.</translation>
    </message>
    <message>
        <source>Copied. Paste it into an e-mail or chat to the office.</source>
        <translation>Tersalin. Tempelkan ke surel atau obrolan untuk kantor itu.</translation>
    </message>
    <message>
        <source>That name cannot be used in an invitation.</source>
        <translation>Nama itu tidak dapat dipakai dalam undangan.</translation>
    </message>
    <message>
        <source>Send this text by e-mail or chat:</source>
        <translation>Kirim teks ini lewat surel atau obrolan:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Tarik kembali</translation>
    </message>
    <message>
        <source>Save as calendar file…</source>
        <translation>Simpan sebagai berkas kalender…</translation>
    </message>
    <message>
        <source>Copy invitation</source>
        <translation>Salin undangan</translation>
    </message>
    <message>
        <source>Type the office's name; the invitation appears here.</source>
        <translation>Ketik nama kantor; undangan muncul di sini.</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <source>e.g. Pemerintah Kota Pekanbaru</source>
        <translation>mis. Pemerintah Kota Pekanbaru</translation>
    </message>
    <message>
        <source>Invite an office</source>
        <translation>Undang kantor</translation>
    </message>
    <message>
        <source>Copy invitation and close</source>
        <translation>Salin undangan dan tutup</translation>
    </message>
    <message>
        <source>Invitation copied. Paste it into an e-mail or chat to the office.</source>
        <translation>Undangan disalin. Tempelkan ke surel atau obrolan untuk kantor itu.</translation>
    </message>
</context>
<context>
    <name>TrustBar</name>
    <message>
        <source>Trust this office</source>
        <translation>Percayai kantor ini</translation>
    </message>
</context>
<context>
    <name>TrustExchange</name>
    <message>
        <source>Start an agreement with %1…</source>
        <translation>Mulai kesepakatan dengan %1…</translation>
    </message>
    <message>
        <source>Only the head of region or a reviewer may trust an office: type the password of %1 beside the button.</source>
        <translation>Hanya kepala daerah atau penelaah yang boleh memercayai kantor: ketik kata sandi %1 di samping tombol.</translation>
    </message>
    <message>
        <source>Password or PIN of %1</source>
        <translation>Kata sandi atau PIN %1</translation>
    </message>
    <message>
        <source>That is not the right password or PIN. Try again in %1 s.</source>
        <translation>Kata sandi atau PIN salah. Coba lagi dalam %1 detik.</translation>
    </message>
    <message>
        <source>The call could not prove that this connection ends at %1, so the trust you gave it in this call was withdrawn. Do not discuss or sign anything now: leave the call, call again and compare the code carefully before trusting.</source>
        <translation>Panggilan ini tidak dapat membuktikan bahwa sambungan ini berujung di %1, sehingga kepercayaan yang Anda berikan dalam panggilan ini dicabut. Jangan membahas atau menandatangani apa pun sekarang: tinggalkan panggilan, hubungi kembali, dan bandingkan kodenya dengan cermat sebelum memercayai.</translation>
    </message>
    <message>
        <source>%1 is now trusted. Waiting for them to prove it in this call…</source>
        <translation>%1 kini dipercaya. Menunggu mereka membuktikannya dalam panggilan ini…</translation>
    </message>
    <message>
        <source>%1 is not a trusted office yet. Compare the code, then trust this office: ask them to read the code on their screen. If it is %2, press “Trust this office”. If it differs, do not trust it.</source>
        <translation>%1 belum menjadi kantor yang dipercaya. Bandingkan kodenya, lalu percayai kantor ini: minta mereka membacakan kode di layar mereka. Jika kodenya %2, tekan “Percayai kantor ini”. Jika berbeda, jangan percayai.</translation>
    </message>
    <message>
        <source>%1 is now a trusted office, and verified in this call.</source>
        <translation>%1 kini kantor yang dipercaya, dan terverifikasi dalam panggilan ini.</translation>
    </message>
</context>
<context>
    <name>SignBar</name>
    <message>
        <source>“%1” is agreed by both offices. You can sign it now, in this call.</source>
        <translation>“%1” sudah disepakati kedua kantor. Anda dapat menandatanganinya sekarang, dalam panggilan ini.</translation>
    </message>
    <message>
        <source>Sign it in this call</source>
        <translation>Tanda tangani dalam panggilan ini</translation>
    </message>
</context>
<context>
    <name>MediaMessages</name>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The relay server refused this office&apos;s user name or password, so video may not get through. Ask the host office to check the relay (TURN) settings.</source>
        <translation>Server relai menolak nama pengguna atau kata sandi kantor ini, sehingga video mungkin tidak sampai. Mintalah kantor tuan rumah memeriksa pengaturan relai (TURN).</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The relay server does not answer, so video may not get through. Check this computer&apos;s network, or ask the host office whether the relay (TURN) is running.</source>
        <translation>Server relai tidak menjawab, sehingga video mungkin tidak sampai. Periksa jaringan komputer ini, atau tanyakan kepada kantor tuan rumah apakah relai (TURN) berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The media server for this session does not answer, so nobody&apos;s video can reach this office. Check this computer&apos;s network, then rejoin; if it still fails, ask the host office to check the media server.</source>
        <translation>Server media untuk sesi ini tidak menjawab, sehingga video siapa pun tidak dapat sampai ke kantor ini. Periksa jaringan komputer ini, lalu bergabung kembali; jika masih gagal, mintalah kantor tuan rumah memeriksa server media.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The media server refused this office. Rejoin the session; if it happens again, ask the host office for a new invitation.</source>
        <translation>Server media menolak kantor ini. Bergabunglah kembali ke sesi; jika terjadi lagi, mintalah undangan baru kepada kantor tuan rumah.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The media server is too slow to answer. Lintas tries again; if there is still no picture, ask the host office to check the media server.</source>
        <translation>Server media terlalu lambat menjawab. Lintas mencoba lagi; jika gambar masih belum muncul, mintalah kantor tuan rumah memeriksa server media.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>The media server answered in a way Lintas does not understand. Ask the host office to check the media server&apos;s version.</source>
        <translation>Server media menjawab dengan cara yang tidak dipahami Lintas. Mintalah kantor tuan rumah memeriksa versi server media.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/messages.py" line="0"/>
        <source>No network path to the other office was found. Lintas keeps trying; if there is still no picture or sound, check the firewall or ask for a relay (TURN) server.</source>
        <translation>Tidak ditemukan jalur jaringan ke kantor lain. Lintas terus mencoba; jika gambar atau suara tetap tidak ada, periksa firewall atau mintalah server relai (TURN).</translation>
    </message>
</context>
<context>
    <name>DeviceCheckDialog</name>
    <message>
        <source>Your office</source>
        <translation>Kantor Anda</translation>
    </message>
    <message>
        <source>Check your devices</source>
        <translation>Periksa perangkat Anda</translation>
    </message>
    <message>
        <source>Check your camera, microphone and speaker before joining.</source>
        <translation>Periksa kamera, mikrofon, dan pengeras suara sebelum bergabung.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>Kamera tidak ditemukan.</translation>
    </message>
    <message>
        <source>Send a test pattern instead</source>
        <translation>Kirim pola uji sebagai gantinya</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Level mikrofon</translation>
    </message>
    <message>
        <source>Speak: the bar should move.</source>
        <translation>Bicaralah: bilah ini seharusnya bergerak.</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>Mikrofon tidak ditemukan.</translation>
    </message>
    <message>
        <source>Send a test tone instead</source>
        <translation>Kirim nada uji sebagai gantinya</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Pengeras suara</translation>
    </message>
    <message>
        <source>Play a test tone</source>
        <translation>Putar nada uji</translation>
    </message>
    <message>
        <source>You should hear a short beep.</source>
        <translation>Anda seharusnya mendengar bunyi bip singkat.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Gabung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>No speaker found. You will not hear the others.</source>
        <translation>Pengeras suara tidak ditemukan. Anda tidak akan mendengar peserta lain.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Tidak ada gambar</translation>
    </message>
    <message>
        <source>Playing a test tone…</source>
        <translation>Memutar nada uji…</translation>
    </message>
    <message>
        <source>Did you hear it? If not, choose another speaker or turn it up.</source>
        <translation>Apakah terdengar? Jika tidak, pilih pengeras suara lain atau besarkan volumenya.</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <source>Previous page of offices</source>
        <translation>Halaman kantor sebelumnya</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <source>Next page of offices</source>
        <translation>Halaman kantor berikutnya</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Halaman {page} dari {pages}</translation>
    </message>
</context>
<context>
    <name>PresentMenu</name>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="68"/>
        <source>Present</source>
        <translation>Presentasikan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="76"/>
        <source>Previous page</source>
        <translation>Halaman sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="79"/>
        <source>Next page</source>
        <translation>Halaman berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="82"/>
        <location filename="../../ui/vicon/present_menu.py" line="165"/>
        <source>Stop presenting</source>
        <translation>Hentikan presentasi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="102"/>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="134"/>
        <source>Share your screen</source>
        <translation>Bagikan layar Anda</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="137"/>
        <source>Share a window</source>
        <translation>Bagikan sebuah jendela</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="141"/>
        <source>Present an agreement draft</source>
        <translation>Presentasikan konsep kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="148"/>
        <source>No agreements in this office yet</source>
        <translation>Belum ada kesepakatan di kantor ini</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="151"/>
        <source>Present a PDF…</source>
        <translation>Presentasikan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="154"/>
        <source>Present the app catalogue</source>
        <translation>Presentasikan katalog aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="160"/>
        <source>Take over the presentation</source>
        <translation>Ambil alih presentasi</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="178"/>
        <source>Present a PDF</source>
        <translation>Presentasikan PDF</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="180"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="191"/>
        <source>That file cannot be presented: it is not a PDF Lintas can open.</source>
        <translation>Berkas itu tidak dapat dipresentasikan: bukan PDF yang dapat dibuka Lintas.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="234"/>
        <source>Screen sharing is not available on this computer. Present a document instead: an agreement draft, a PDF or the app catalogue.</source>
        <translation>Berbagi layar tidak tersedia di komputer ini. Presentasikan dokumen saja: konsep kesepakatan, PDF, atau katalog aplikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="267"/>
        <source>{office} took over the presentation.</source>
        <translation>{office} mengambil alih presentasi.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="275"/>
        <source>You are presenting</source>
        <translation>Anda sedang mempresentasikan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="280"/>
        <source>Presentation from {office}</source>
        <translation>Presentasi dari {office}</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/present_menu.py" line="328"/>
        <source>Page {page} of {count}</source>
        <translation>Halaman {page} dari {count}</translation>
    </message>
</context>
<context>
    <name>LobbyPanel</name>
    <message>
        <location filename="../../ui/vicon/lobby_panel.py" line="1"/>
        <source>Nobody is waiting to enter.</source>
        <translation>Tidak ada yang menunggu untuk masuk.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/lobby_panel.py" line="1"/>
        <source>{office} is waiting</source>
        <translation>{office} sedang menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/lobby_panel.py" line="1"/>
        <source>Admit</source>
        <translation>Izinkan masuk</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/lobby_panel.py" line="1"/>
        <source>Deny</source>
        <translation>Tolak</translation>
    </message>
</context>
<context>
    <name>SpeakingFrame</name>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Hand raised</source>
        <translation>Mengangkat tangan</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Raise hand</source>
        <translation>Angkat tangan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Lock the meeting</source>
        <translation>Kunci rapat</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>New offices wait in the lobby until you admit them.</source>
        <translation>Kantor yang baru datang menunggu di ruang tunggu sampai Anda mengizinkannya masuk.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Lobby</source>
        <translation>Ruang tunggu</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Lower hand</source>
        <translation>Turunkan tangan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Show on a room screen</source>
        <translation>Tampilkan di layar ruangan</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Leave the meeting</source>
        <translation>Keluar dari rapat</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Stay</source>
        <translation>Tetap di rapat</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Leave</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Leave the meeting, or end it for every office? Ending disconnects everyone.</source>
        <translation>Keluar dari rapat, atau akhiri rapat untuk semua kantor? Mengakhiri rapat memutus semua peserta.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>End for everyone</source>
        <translation>Akhiri untuk semua</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Leave the meeting? The other offices stay in the call.</source>
        <translation>Keluar dari rapat? Kantor lain tetap dalam panggilan.</translation>
    </message>
</context>
<context>
    <name>HostingPanel</name>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>The host asked you to mute. You are muted; unmute when you need to speak.</source>
        <translation>Tuan rumah meminta Anda mematikan mikrofon. Mikrofon Anda mati; nyalakan lagi saat Anda perlu berbicara.</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/host_controls.py" line="1"/>
        <source>{count} offices are in this meeting, so you joined muted. Unmute (Ctrl+D) when you need to speak.</source>
        <translation>Ada {count} kantor dalam rapat ini, jadi Anda bergabung dengan mikrofon mati. Nyalakan mikrofon (Ctrl+D) saat Anda perlu berbicara.</translation>
    </message>
</context>
<context>
    <name>RoomDisplay</name>
    <message>
        <location filename="../../ui/vicon/room_display.py" line="1"/>
        <source>Lintas — room display</source>
        <translation>Lintas — layar ruangan</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/room_display.py" line="1"/>
        <source>{office} (you)</source>
        <translation>{office} (Anda)</translation>
    </message>
    <message>
        <location filename="../../ui/vicon/room_display.py" line="1"/>
        <source>Screen {n}: {name} ({w}×{h})</source>
        <translation>Layar {n}: {name} ({w}×{h})</translation>
    </message>
</context>
<context>
    <name>CallLayout</name>
    <message>
        <source>{office} (you)</source>
        <translation>{office} (Anda)</translation>
    </message>
    <message>
        <source>Speaker view</source>
        <translation>Tampilan pembicara</translation>
    </message>
    <message>
        <source>Gallery view</source>
        <translation>Tampilan galeri</translation>
    </message>
    <message>
        <source>Show the office that is speaking large</source>
        <translation>Tampilkan besar kantor yang sedang berbicara</translation>
    </message>
    <message>
        <source>Show every office in a grid</source>
        <translation>Tampilkan semua kantor dalam kisi</translation>
    </message>
</context>
<context>
    <name>CallEnd</name>
    <message>
        <source>The host ended the meeting. You can close this window; to meet again, ask the host office for a new invitation.</source>
        <translation>Tuan rumah mengakhiri rapat. Anda dapat menutup jendela ini; untuk rapat lagi, mintalah undangan baru kepada kantor tuan rumah.</translation>
    </message>
    <message>
        <source>The host removed this office from the meeting. You can close this window; if this was a mistake, contact the host office.</source>
        <translation>Tuan rumah mengeluarkan kantor ini dari rapat. Anda dapat menutup jendela ini; jika ini sebuah kekeliruan, hubungi kantor tuan rumah.</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Remove an office</source>
        <translation>Keluarkan kantor</translation>
    </message>
    <message>
        <source>Remove {office} from this session?</source>
        <translation>Keluarkan {office} dari sesi ini?</translation>
    </message>
    <message>
        <source>The office leaves the call at once and cannot join this session again.</source>
        <translation>Kantor itu langsung keluar dari panggilan dan tidak dapat bergabung lagi ke sesi ini.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Keluarkan</translation>
    </message>
    <message>
        <source>Host actions for {office}</source>
        <translation>Tindakan tuan rumah untuk {office}</translation>
    </message>
    <message>
        <source>Ask to mute</source>
        <translation>Minta mematikan mikrofon</translation>
    </message>
    <message>
        <source>Remove from the session…</source>
        <translation>Keluarkan dari sesi…</translation>
    </message>
    <message>
        <source>You asked {office} to mute.</source>
        <translation>Anda meminta {office} mematikan mikrofon.</translation>
    </message>
</context>
<context>
    <name>WindowPicker</name>
    <message>
        <source>Share a window</source>
        <translation>Bagikan jendela</translation>
    </message>
    <message>
        <source>Windows you can share</source>
        <translation>Jendela yang dapat Anda bagikan</translation>
    </message>
    <message>
        <source>Share this window</source>
        <translation>Bagikan jendela ini</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the window the other offices will see.</source>
        <translation>Pilih jendela yang akan dilihat kantor lain.</translation>
    </message>
    <message>
        <source>No window can be shared on this computer right now. Open the window you want to show and try again, or present a document instead.</source>
        <translation>Saat ini tidak ada jendela yang dapat dibagikan di komputer ini. Buka jendela yang ingin Anda tampilkan lalu coba lagi, atau presentasikan dokumen saja.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Untitled window</source>
        <translation>Jendela tanpa judul</translation>
    </message>
    <message>
        <source>{title} ({number})</source>
        <translation>{title} ({number})</translation>
    </message>
</context>
</TS>
