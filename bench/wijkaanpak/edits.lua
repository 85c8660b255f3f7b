-- wrk script: concurrent edits on the same agreements through one app instance (bench/wijkaanpak/run.sh).
-- Every connection loops over the agreements: read one (GET, remembering its version and status), then either
-- comment on it (POST, no version needed) or change its status with If-Match: the version it read. Another
-- connection (or the other instance) may have changed it in between: then 409, which is counted, not retried.
-- Env: WK_COOKIE, WK_CSRF, WK_AGREEMENTS (comma-separated ids).

local counters = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ids = {}
  for id in string.gmatch(os.getenv("WK_AGREEMENTS"), "%d+") do table.insert(ids, id) end
  cookie = os.getenv("WK_COOKIE")
  csrf = os.getenv("WK_CSRF")
  step = 0
  last = nil
  version = {}
  status = {}
  read_ok, comment_ok, status_ok, conflict, other = 0, 0, 0, 0, 0
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  step = step + 1
  local headers = { ["Cookie"] = cookie, ["X-CSRF-TOKEN"] = csrf, ["Content-Type"] = "application/json" }
  if step % 2 == 1 then
    last = ids[math.random(#ids)]
    return wrk.format("GET", "/api/v1/wijkaanpak/agreements/" .. last, headers)
  end
  if math.random() < 0.5 then
    return wrk.format("POST", "/api/v1/wijkaanpak/agreements/" .. last .. "/comments", headers, '{"text":"load test ' .. step .. '"}')
  end
  local target = (status[last] == "in_progress") and "done" or "in_progress"
  headers["If-Match"] = '"' .. (version[last] or 1) .. '"'
  return wrk.format("POST", "/api/v1/wijkaanpak/agreements/" .. last .. "/status", headers, '{"status":"' .. target .. '","comment":"load"}')
end

-- Several connections share a thread, so request() and response() calls interleave: classify each answer by
-- itself (only comments answer 201; a read carries the history, a status change does not), never by the last request.
function response(code, headers, body)
  if code == 201 then
    comment_ok = comment_ok + 1
  elseif code == 200 then
    local id = string.match(body, '^{"id":(%d+)')
    if id then
      version[id] = tonumber(string.match(body, '"version":(%d+)'))
      status[id] = string.match(body, '"status":"([%a_]+)"')
    end
    if string.find(body, '"history":[', 1, true) then read_ok = read_ok + 1 else status_ok = status_ok + 1 end
  elseif code == 409 then
    conflict = conflict + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local t = { read_ok = 0, comment_ok = 0, status_ok = 0, conflict = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("RESULT reads=%d comments=%d status=%d conflicts=%d other=%d\n", t.read_ok, t.comment_ok, t.status_ok, t.conflict, t.other))
end
