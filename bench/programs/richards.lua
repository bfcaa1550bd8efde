-- richards.lua: Martin Richards' OS-kernel simulation benchmark, written from
-- scratch in an object-oriented style: classes are tables used as metatables
-- with __index, and task classes inherit from a Task base class (two-level
-- __index chain).
-- Measures: method calls through metatables, field reads/writes on objects,
-- linked-list manipulation, polymorphic dispatch.
-- Size: number of scheduler runs (default 15); each run does COUNT=1000 idle
-- iterations and must end with queue=2322 hold=928.
local runs = tonumber(arg and arg[1]) or 15

local COUNT = 1000
local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local NUMBER_OF_IDS = 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

-- Bitwise xor for small non-negative integers (Lua 5.1 has no bit operators).
local function bxor(a, b)
  local r, bit = 0, 1
  while a > 0 or b > 0 do
    local x, y = a % 2, b % 2
    if x ~= y then r = r + bit end
    a = (a - x) / 2
    b = (b - y) / 2
    bit = bit * 2
  end
  return r
end

---------------------------------------------------------------- Packet
local Packet = class()

function Packet.new(link, id, kind)
  local a2 = {}
  for i = 1, DATA_SIZE do a2[i] = 0 end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 0, a2 = a2 }, Packet)
end

function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local peek, nxt = nil, queue
  while nxt ~= nil do
    peek = nxt
    nxt = nxt.link
  end
  peek.link = self
  return queue
end

---------------------------------------------------------------- TaskControlBlock
local TCB = class()

function TCB.new(link, id, priority, queue, task)
  local self = setmetatable({
    link = link, id = id, priority = priority, queue = queue, task = task,
    packetPending = queue ~= nil, taskWaiting = true, taskHolding = false,
  }, TCB)
  return self
end

function TCB:setRunning()
  self.packetPending, self.taskWaiting, self.taskHolding = false, false, false
end

function TCB:markAsNotHeld() self.taskHolding = false end
function TCB:markAsHeld() self.taskHolding = true end
function TCB:markAsSuspended() self.taskWaiting = true end
function TCB:markAsRunnable() self.packetPending = true end

function TCB:isHeldOrSuspended()
  return self.taskHolding or (self.taskWaiting and not self.packetPending)
end

function TCB:run()
  local packet
  if self.taskWaiting and self.packetPending and not self.taskHolding then
    packet = self.queue
    self.queue = packet.link
    self.taskWaiting = false
    self.packetPending = self.queue ~= nil
  end
  return self.task:run(packet)
end

function TCB:checkPriorityAdd(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return task
end

---------------------------------------------------------------- Scheduler
local Scheduler = class()

function Scheduler.new()
  local blocks = {}
  for i = 1, NUMBER_OF_IDS do blocks[i] = false end
  return setmetatable({
    queueCount = 0, holdCount = 0, blocks = blocks,
    list = nil, currentTcb = nil, currentId = nil,
  }, Scheduler)
end

function Scheduler:addTask(id, priority, queue, task)
  self.currentTcb = TCB.new(self.list, id, priority, queue, task)
  self.list = self.currentTcb
  self.blocks[id] = self.currentTcb
end

function Scheduler:addRunningTask(id, priority, queue, task)
  self:addTask(id, priority, queue, task)
  self.currentTcb:setRunning()
end

function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    local tcb = self.currentTcb
    if tcb:isHeldOrSuspended() then
      self.currentTcb = tcb.link
    else
      self.currentId = tcb.id
      self.currentTcb = tcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if not tcb then return nil end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end

function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  self.currentTcb:markAsHeld()
  return self.currentTcb.link
end

function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end

function Scheduler:queue(packet)
  local t = self.blocks[packet.id]
  if not t then return nil end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return t:checkPriorityAdd(self.currentTcb, packet)
end

---------------------------------------------------------------- Tasks
local Task = class()

function Task:init(scheduler)
  self.scheduler = scheduler
  return self
end

local IdleTask = class(Task)
function IdleTask.new(scheduler, v1, count)
  local self = setmetatable({}, IdleTask):init(scheduler)
  self.v1, self.count = v1, count
  return self
end
function IdleTask:run(_)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:holdCurrent() end
  if self.v1 % 2 == 0 then
    self.v1 = (self.v1 - self.v1 % 2) / 2
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = bxor((self.v1 - self.v1 % 2) / 2, 0xD008)
  return self.scheduler:release(ID_DEVICE_B)
end

local DeviceTask = class(Task)
function DeviceTask.new(scheduler)
  local self = setmetatable({}, DeviceTask):init(scheduler)
  self.v1 = nil
  return self
end
function DeviceTask:run(packet)
  if packet == nil then
    if self.v1 == nil then return self.scheduler:suspendCurrent() end
    local v = self.v1
    self.v1 = nil
    return self.scheduler:queue(v)
  end
  self.v1 = packet
  return self.scheduler:holdCurrent()
end

local WorkerTask = class(Task)
function WorkerTask.new(scheduler, v1, v2)
  local self = setmetatable({}, WorkerTask):init(scheduler)
  self.v1, self.v2 = v1, v2
  return self
end
function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspendCurrent() end
  if self.v1 == ID_HANDLER_A then self.v1 = ID_HANDLER_B else self.v1 = ID_HANDLER_A end
  packet.id = self.v1
  packet.a1 = 0
  local a2 = packet.a2
  for i = 1, DATA_SIZE do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    a2[i] = self.v2
  end
  return self.scheduler:queue(packet)
end

local HandlerTask = class(Task)
function HandlerTask.new(scheduler)
  local self = setmetatable({}, HandlerTask):init(scheduler)
  self.v1, self.v2 = nil, nil
  return self
end
function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.v1 = packet:addTo(self.v1)
    else
      self.v2 = packet:addTo(self.v2)
    end
  end
  if self.v1 ~= nil then
    local count = self.v1.a1
    if count < DATA_SIZE then
      if self.v2 ~= nil then
        local v = self.v2
        self.v2 = self.v2.link
        v.a1 = self.v1.a2[count + 1]
        self.v1.a1 = count + 1
        return self.scheduler:queue(v)
      end
    else
      local v = self.v1
      self.v1 = self.v1.link
      return self.scheduler:queue(v)
    end
  end
  return self.scheduler:suspendCurrent()
end

---------------------------------------------------------------- main
local function run_richards()
  local s = Scheduler.new()
  s:addRunningTask(ID_IDLE, 0, nil, IdleTask.new(s, 1, COUNT))

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  s:addTask(ID_WORKER, 1000, queue, WorkerTask.new(s, ID_HANDLER_A, 0))

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  s:addTask(ID_HANDLER_A, 2000, queue, HandlerTask.new(s))

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  s:addTask(ID_HANDLER_B, 3000, queue, HandlerTask.new(s))

  s:addTask(ID_DEVICE_A, 4000, nil, DeviceTask.new(s))
  s:addTask(ID_DEVICE_B, 5000, nil, DeviceTask.new(s))

  s:schedule()
  return s.queueCount, s.holdCount
end

local qsum, hsum = 0, 0
local q, h
for _ = 1, runs do
  q, h = run_richards()
  qsum, hsum = qsum + q, hsum + h
end
local ok = (q == 2322 and h == 928) and "ok" or "WRONG"
print(string.format("richards runs=%d queue=%d hold=%d total=%d/%d %s", runs, q, h, qsum, hsum, ok))
