"""The signaling hub (aiohttp WebSocket): rooms, invite tokens, presence and relay."""
